using ComparisonSite.Articles;
using ComparisonSite.Caching;

namespace ComparisonSite.Tests.Figures;

/// <summary>
/// A figure on its own: its CSV (only its numbers, the same as its table), its embed page (the only address another
/// site may frame) and the framework filter's address, which the server ignores and the page cache shares.
/// </summary>
public sealed class FigureRoutesTests(PostgresFixture postgres) : SiteTestBase(postgres)
{
    private const string Article = "/fastapi-vs-django-vs-flask";

    [Fact]
    public async Task Every_figure_csv_holds_its_tables_numbers_and_no_others()
    {
        var reader = Site.CreateReader();
        var page = await SiteFactory.ParseAsync(await reader.GetAsync(Article));
        var figures = page.QuerySelectorAll("figure[id]").ToList();

        Assert.True(figures.Count >= 5, $"the article has {figures.Count} figures");
        foreach (var figure in figures)
        {
            var link = figure.QuerySelectorAll("a[download]")
                .Single(a => a.TextContent == "CSV (this figure)").GetAttribute("href");
            Assert.Equal($"{Article}/figures/{figure.Id}.csv", link);
            using var response = await reader.GetAsync(link);
            var csv = await response.Content.ReadAsStringAsync();

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
            Assert.Equal(
                $"fastapi-vs-django-vs-flask-{figure.Id}.csv",
                response.Content.Headers.ContentDisposition!.FileName);
            var lines = Records(csv);
            // A group heading over runs side by side is no row of values.
            var rows = figure.QuerySelectorAll("table tbody tr:not(.group-heading)").ToList();
            Assert.Equal(rows.Count + 1, lines.Count);
            Assert.Equal(
                figure.QuerySelectorAll("table thead th").Select(th => th.TextContent).Skip(1),
                lines[0].Skip(lines[0][0] == "Date" ? 2 : 1));
            // Row by row, the same numbers (at full precision) in the same order as the table shows them.
            Assert.All(
                rows.Zip(lines.Skip(1)),
                p => Assert.Equal(
                    p.First.QuerySelectorAll("td").Select(td => td.QuerySelector("data")?.GetAttribute("value") ?? ""),
                    p.Second.Skip(lines[0][0] == "Date" ? 2 : 1)));
            Assert.All(
                rows.Zip(lines.Skip(1)),
                p => Assert.StartsWith(
                    p.Second[0], p.First.QuerySelector("th")!.TextContent.Trim(), StringComparison.Ordinal));
        }
    }

    private static List<string[]> Records(string csv)
    {
        using var reader = new CsvHelper.CsvReader(new StringReader(csv), CultureInfo.InvariantCulture);
        var records = new List<string[]>();
        while (reader.Read())
        {
            records.Add(reader.Parser.Record!);
        }

        return records;
    }

    [Theory]
    [InlineData(Article + "/figures/no-such-figure.csv")]
    [InlineData(Article + "/figures/no-such-figure")]
    [InlineData(Article + "/figures/chart-json-rps-db-rps.json")]
    [InlineData("/no-such-comparison/figures/chart-json-rps-db-rps")]
    [InlineData("/no-such-comparison/figures/chart-json-rps-db-rps.csv")]
    public async Task An_unknown_figure_or_comparison_is_404(string path)
    {
        using var response = await Site.CreateReader().GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_embed_page_shows_the_figure_as_the_article_does_with_a_link_back_and_may_be_framed()
    {
        var reader = Site.CreateReader();
        using var articleResponse = await reader.GetAsync(Article);
        var article = await SiteFactory.ParseAsync(articleResponse);
        var inArticle = article.QuerySelector("figure#chart-json-rps-db-rps")!;
        var embedHref = inArticle.QuerySelector("a.figure-embed")!.GetAttribute("href");

        using var response = await reader.GetAsync(embedHref);
        var embed = await SiteFactory.ParseAsync(response);

        Assert.Equal($"{Article}/figures/chart-json-rps-db-rps", embedHref);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // The article's figure, its in-page links ("#methodology") naming the article, where their targets are.
        Assert.Equal(
            inArticle.OuterHtml.Replace("href=\"#", $"href=\"{Article}#", StringComparison.Ordinal),
            embed.QuerySelector("figure#chart-json-rps-db-rps")!.OuterHtml);
        Assert.Single(embed.QuerySelectorAll("figure"));
        Assert.Contains(
            embed.QuerySelectorAll(".embed-source a"),
            a => a.GetAttribute("href") == $"{Article}#chart-json-rps-db-rps");
        // Indexable, with the article as canonical: search engines credit the article (noindex beside a canonical
        // would send them mixed signals).
        Assert.Null(embed.QuerySelector("meta[name=robots]"));
        Assert.EndsWith(
            Article, embed.QuerySelector("link[rel=canonical]")!.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Null(embed.QuerySelector("#site-header, #site-footer, nav"));
        Assert.Equal("_top", embed.QuerySelector("base")!.GetAttribute("target"));

        var embedPolicy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors *", embedPolicy, StringComparison.Ordinal);
        Assert.DoesNotContain("'none'", embedPolicy.Split("frame-ancestors")[1], StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("X-Frame-Options"));
        Assert.Contains(
            "frame-ancestors 'none'",
            string.Join(";", articleResponse.Headers.GetValues("Content-Security-Policy")),
            StringComparison.Ordinal);
        Assert.Equal("DENY", Assert.Single(articleResponse.Headers.GetValues("X-Frame-Options")));
        using var csv = await reader.GetAsync($"{Article}/figures/chart-json-rps-db-rps.csv");
        Assert.Equal("DENY", Assert.Single(csv.Headers.GetValues("X-Frame-Options")));
    }

    [Fact]
    public async Task The_embed_page_is_cached_and_keeps_its_headers_when_served_from_the_cache()
    {
        var reader = Site.CreateReader();
        var renderer = Site.Get<ArticlePageRenderer>();
        var article = await SiteFactory.ParseAsync(await reader.GetAsync(Article));
        var path = $"{Article}/figures/{article.QuerySelector("figure.table-figure")!.Id}";

        using var first = await reader.GetAsync(path);
        var renders = renderer.RenderCount;
        using var hit = await reader.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, hit.StatusCode);
        Assert.Equal(renders, renderer.RenderCount);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await hit.Content.ReadAsStringAsync());
        Assert.False(hit.Headers.Contains("X-Frame-Options"));
        Assert.Contains(
            "frame-ancestors *",
            string.Join(";", hit.Headers.GetValues("Content-Security-Policy")),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_filter_query_gets_the_same_cached_page_and_is_ignored_by_the_server()
    {
        var reader = Site.CreateReader();
        var renderer = Site.Get<ArticlePageRenderer>();
        var cache = Site.Get<PageCache>();
        var plain = await reader.GetByteArrayAsync(Article);
        var (renders, entries) = (renderer.RenderCount, cache.Count);

        var filtered = await reader.GetByteArrayAsync(Article + "?hide=django,flask");
        var unknown = await reader.GetByteArrayAsync(Article + "?hide=no-such-framework,%3Cscript%3E");

        Assert.Equal(plain, filtered);
        Assert.Equal(plain, unknown);
        Assert.Equal(renders, renderer.RenderCount);
        Assert.Equal(entries, cache.Count);
    }

    [Theory]
    [InlineData("/sqlite-vs-postgresql/figures/x", HttpStatusCode.MovedPermanently, "/postgresql-vs-sqlite/figures/x")]
    [InlineData(
        "/sqlite-vs-postgresql/figures/x.csv", HttpStatusCode.MovedPermanently, "/postgresql-vs-sqlite/figures/x.csv")]
    [InlineData("/withdrawn-comparison/figures/chart-x", HttpStatusCode.Gone, null)]
    [InlineData("/withdrawn-comparison/figures/chart-x.csv", HttpStatusCode.Gone, null)]
    public async Task A_figure_of_a_renamed_or_withdrawn_comparison_follows_the_article(
        string path, HttpStatusCode status, string? location)
    {
        await using var second = SiteFactory.Create(FixturePaths.SecondSiteContent, Site.Database);
        using var response = await second.CreateReader().GetAsync(path);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(location, response.Headers.Location?.OriginalString);
    }
}
