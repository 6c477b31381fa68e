namespace ComparisonSite.Tests.Search;

/// <summary>
/// /search over the repository's own content: every figure in prose is indexed as the article shows it, so none
/// is indexed as "n/a" (the text of a figure its render could not resolve).
/// </summary>
public sealed class RepositorySearchTests(PostgresFixture postgres) : SiteTestBase(postgres)
{
    private const string Pricing = "/fastapi-vs-django-vs-flask#pricing";

    private async Task<List<string>> ResultLinksAsync(string query)
    {
        var page = await SiteFactory.ParseAsync(
            await Site.CreateReader().GetAsync("/search?q=" + Uri.EscapeDataString(query)));
        return [.. page.QuerySelectorAll(".search-result h2 a").Select(a => a.GetAttribute("href")!)];
    }

    [Fact]
    public async Task No_comparison_is_found_by_n_a()
    {
        Assert.Empty(await ResultLinksAsync("\"n/a\""));
    }

    [Fact]
    public async Task A_calculator_figure_in_prose_is_found_as_the_article_shows_it()
    {
        var article = await SiteFactory.ParseAsync(await Site.CreateReader().GetAsync("/fastapi-vs-django-vs-flask"));
        var prose = article.QuerySelectorAll("section#pricing p")
            .Single(p => p.TextContent.StartsWith("Our own arithmetic", StringComparison.Ordinal));
        var servers = prose.QuerySelector("a.figure")!.TextContent;
        Assert.Matches("^[0-9,]+ servers?$", servers);

        Assert.Contains(Pricing, await ResultLinksAsync($"\"{servers} with FastAPI\""));
    }
}
