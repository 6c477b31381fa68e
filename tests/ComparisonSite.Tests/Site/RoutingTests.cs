namespace ComparisonSite.Tests.Site;

/// <summary>Addresses, redirects and status codes, against the fixtures' second site.</summary>
public sealed class RoutingTests(PostgresFixture postgres) : SiteTestBase(postgres, FixturePaths.SecondSiteContent)
{
    [Fact]
    public async Task A_second_comparison_renders_with_no_code_change()
    {
        using var response = await Site.CreateReader().GetAsync("/postgresql-vs-sqlite");
        var page = await SiteFactory.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("PostgreSQL vs SQLite for small web apps", page.QuerySelector("h1")!.TextContent);
        Assert.Equal(
            ["Overview", "Concurrency"],
            page.QuerySelectorAll("section.article-section > h2").Select(h => h.TextContent));
        Assert.Equal(["#overview", "#writers"], page.QuerySelectorAll("nav.toc a").Select(a => a.GetAttribute("href")));
        Assert.Equal(["setup", "writers-setup"], page.QuerySelectorAll("h3").Select(h => h.Id));
        Assert.Equal(["1", "2"], page.QuerySelectorAll("a.footnote-ref").Select(a => a.TextContent));
    }

    [Theory]
    [InlineData("/no-such-comparison")]
    [InlineData("/POSTGRESQL-VS-SQLITE")]
    [InlineData("/..%2F..%2Fetc%2Fpasswd")]
    [InlineData("/postgresql-vs-sqlite/01-overview")]
    [InlineData("/status/500")]
    public async Task Unknown_addresses_answer_404_with_a_helpful_page(string path)
    {
        using var response = await Site.CreateReader().GetAsync(path);
        var page = await SiteFactory.ParseAsync(response);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Page not found", page.QuerySelector("h1")!.TextContent);
        Assert.Contains(page.QuerySelectorAll("main a"), a => a.GetAttribute("href") == "/postgresql-vs-sqlite");
    }

    [Fact]
    public async Task Trailing_slash_redirects_permanently_to_the_canonical_address()
    {
        using var response = await Site.CreateReader().GetAsync("/postgresql-vs-sqlite/?ref=feed");

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("/postgresql-vs-sqlite?ref=feed", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_double_slash_path_is_never_redirected_to_another_host()
    {
        using var response = await Site.CreateReader().GetAsync(new Uri("http://localhost//evil.example/"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task Drafts_are_404_in_production()
    {
        using var response = await Site.CreateReader().GetAsync("/draft-comparison");
        var home = await SiteFactory.ParseAsync(await Site.CreateReader().GetAsync("/"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain(home.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/draft-comparison");
    }

    [Fact]
    public async Task Drafts_are_visible_in_development_with_a_badge()
    {
        await using var development = SiteFactory.Create(FixturePaths.SecondSiteContent, Site.Database, "Development");
        using var response = await development.CreateReader().GetAsync("/draft-comparison");
        var page = await SiteFactory.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Draft", page.QuerySelector(".article-header .badge")!.TextContent);
    }
}
