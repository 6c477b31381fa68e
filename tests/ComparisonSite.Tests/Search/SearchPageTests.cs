using System.Xml.Linq;
using AngleSharp.Dom;
using ComparisonSite.Caching;
using ComparisonSite.Search;

namespace ComparisonSite.Tests.Search;

/// <summary>
/// /search over Fixtures/search-site: ranking, highlighting, what is indexed and what is not, the page's head and
/// headers, the page cache, the header box and the OpenSearch description.
/// </summary>
public sealed class SearchPageTests(PostgresFixture postgres) : IAsyncLifetime, IClassFixture<PostgresFixture>
{
    private const string BaseUrl = "https://comparisons.example";
    private const string Sqlite = "/postgresql-vs-sqlite";
    private const string Brief = "/python-frameworks-brief";
    private TestSite _site = null!;

    public async Task InitializeAsync() => _site = await TestSite.CreateAsync(
        postgres, FixturePaths.SearchSiteContent, settings: new Dictionary<string, string?>
        {
            ["Site:PublicBaseUrl"] = BaseUrl,
        });

    public async Task DisposeAsync() => await _site.DisposeAsync();

    private async Task<(HttpResponseMessage Response, IHtmlDocument Page)> SearchAsync(string query)
    {
        var response = await _site.CreateReader().GetAsync("/search?q=" + Uri.EscapeDataString(query));
        return (response, await SiteFactory.ParseAsync(response));
    }

    private static List<string> ResultLinks(IHtmlDocument page) =>
        [.. page.QuerySelectorAll(".search-result h2 a").Select(a => a.GetAttribute("href")!)];

    [Theory]
    // In a title beats in a body; of a comparison's sections, the one with the most matches is linked.
    [InlineData("sqlite", new[] { Sqlite + "#overview", Brief + "#speed" })]
    // In a section heading beats in a body three times over.
    [InlineData("speed", new[] { Brief + "#speed", Sqlite + "#overview" })]
    // In a description beats in a body three times over, whatever the titles' order.
    [InlineData("quickest", new[] { Brief + "#summary", Sqlite + "#overview" })]
    // Equal places and counts: by title.
    [InlineData("ordinary", new[] { Sqlite + "#overview", Brief + "#speed" })]
    // Every term must match, in one section.
    [InlineData("fastapi sqlite", new[] { Brief + "#speed" })]
    [InlineData("sqlite needle", new string[0])]
    // Accents and case fold both ways; a quoted phrase keeps its words together.
    [InlineData("CAFE creme", new[] { Brief + "#cafe" })]
    [InlineData("\"deja vu\"", new[] { Brief + "#cafe" })]
    [InlineData("\"vu deja\"", new string[0])]
    // Drafts and withdrawn comparisons are not indexed.
    [InlineData("zanzibar", new string[0])]
    [InlineData("withdrawn", new string[0])]
    public async Task Results_are_ranked_title_heading_description_body_then_by_title(string query, string[] links)
    {
        var (response, page) = await SearchAsync(query);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(links, ResultLinks(page));
        var count = page.QuerySelector(".search-count")!.TextContent;
        Assert.StartsWith(links.Length == 1 ? "1 comparison matches" : $"{links.Length} comparisons match", count);
    }

    [Fact]
    public async Task A_result_names_its_comparison_and_section_and_marks_the_matches()
    {
        var (_, page) = await SearchAsync("cafe");

        var result = Assert.Single(page.QuerySelectorAll(".search-result"));
        Assert.Equal("Python web frameworks, briefly", result.QuerySelector("h2")!.TextContent);
        Assert.Equal("Café talk", result.QuerySelector(".search-section a")!.TextContent);
        Assert.Equal(Brief + "#cafe", result.QuerySelector(".search-section a")!.GetAttribute("href"));
        Assert.Equal(["Café"], result.QuerySelectorAll(".search-section mark").Select(m => m.TextContent));
        Assert.Equal(["CAFÉ"], result.QuerySelectorAll(".search-snippet mark").Select(m => m.TextContent));
        Assert.StartsWith("Déjà vu at the CAFÉ", result.QuerySelector(".search-snippet")!.TextContent.Trim());
    }

    [Fact]
    public async Task The_snippet_is_thirty_words_around_the_first_match()
    {
        var (_, page) = await SearchAsync("needle");

        var snippet = page.QuerySelector(".search-snippet")!;
        var words = snippet.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("\u2026", words[0]);
        Assert.Equal("\u2026", words[^1]);
        Assert.Equal(SearchIndex.SnippetWords, words.Length - 2);
        Assert.Equal("needle", words[11]);
        Assert.Equal(["needle"], snippet.QuerySelectorAll("mark").Select(m => m.TextContent));
    }

    [Fact]
    public async Task Figures_in_prose_are_found_as_the_reader_reads_them()
    {
        var article = await SiteFactory.ParseAsync(await _site.CreateReader().GetAsync(Brief));
        var figure = article.QuerySelector("#speed p a.figure")!.TextContent;
        Assert.Matches("[0-9]", figure);

        var (_, page) = await SearchAsync($"\"{figure}\"");

        Assert.Equal([Brief + "#speed"], ResultLinks(page));
        Assert.Equal([figure], page.QuerySelectorAll(".search-snippet mark").Select(m => m.TextContent));
        // The data reference's source text is not what a reader reads, so it is not indexed.
        Assert.Empty(ResultLinks((await SearchAsync("round=100")).Page));
    }

    [Fact]
    public async Task Markup_in_content_and_query_is_shown_as_text_never_as_markup()
    {
        var (_, page) = await SearchAsync("<script>");

        var result = Assert.Single(page.QuerySelectorAll(".search-result"));
        Assert.Empty(page.QuerySelectorAll("main script, main b, main img"));
        Assert.Contains("</script><script>alert(1)</script>", result.QuerySelector("h2")!.TextContent);
        Assert.All(result.QuerySelectorAll("mark"), m => Assert.Equal("<script>", m.TextContent));
        Assert.Equal("<script>", page.QuerySelector<IHtmlInputElement>("#search-page-q")!.Value);
    }

    [Fact]
    public async Task No_results_says_so_with_suggestions_and_no_query_shows_only_the_form()
    {
        var (_, none) = await SearchAsync("nothing-like-this");
        var (response, empty) = await _site.CreateReader().GetAsync("/search") is var r
            ? (r, await SiteFactory.ParseAsync(r))
            : default;

        Assert.Contains("No comparison contains", none.QuerySelector(".search-none")!.TextContent);
        Assert.Equal(
            [Sqlite, Brief, "/tricky-characters"],
            none.QuerySelectorAll(".search-none a").Select(a => a.GetAttribute("href")));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(empty.QuerySelector("main form[action='/search'] input[name=q]"));
        Assert.Null(empty.QuerySelector(".search-count, .search-results, .search-none, .search-problem"));
    }

    [Fact]
    public async Task The_page_is_noindex_with_a_canonical_and_browsers_only_may_keep_it()
    {
        var (response, page) = await SearchAsync("sqlite");

        Assert.Equal("noindex", page.QuerySelector("meta[name=robots]")!.GetAttribute("content"));
        Assert.Equal(["noindex"], response.Headers.GetValues("X-Robots-Tag"));
        Assert.Equal(BaseUrl + "/search", page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        var cacheControl = response.Headers.CacheControl!;
        Assert.True(cacheControl.Private);
        Assert.False(cacheControl.Public);
        Assert.Equal(TimeSpan.FromSeconds(60), cacheControl.MaxAge);
        Assert.Equal("sqlite", page.QuerySelector<IHtmlInputElement>("#search-page-q")!.Value);
    }

    [Fact]
    public async Task Distinct_queries_never_fill_the_page_cache()
    {
        var reader = _site.CreateReader();
        var cache = _site.Get<PageCache>();
        await reader.GetStringAsync("/");
        var entries = cache.Count;

        for (var i = 0; i < 20; i++)
        {
            using var response = await reader.GetAsync($"/search?q=sqlite{i}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        using var junk = await reader.GetAsync("/search?q=%00");
        Assert.Equal(entries, cache.Count);
        // And no query is ever answered with another's page.
        Assert.StartsWith(Sqlite + "#", ResultLinks((await SearchAsync("postgresql")).Page).Single());
        Assert.Empty(ResultLinks((await SearchAsync("postgresqlx")).Page));
    }

    [Fact]
    public async Task The_index_is_made_at_start_before_anyone_searches()
    {
        var search = _site.Get<SiteSearch>();

        await Eventually.TrueAsync(() => search.BuildCount == 1);
        await SearchAsync("sqlite");

        Assert.Equal(1, search.BuildCount);
    }

    [Fact]
    public async Task The_index_is_built_once_per_snapshot_however_many_searches()
    {
        var search = _site.Get<SiteSearch>();
        await SearchAsync("sqlite");
        var builds = search.BuildCount;

        await SearchAsync("speed");
        await SearchAsync("cafe");

        Assert.Equal(1, builds);
        Assert.Equal(builds, search.BuildCount);
    }

    [Fact]
    public async Task Every_page_has_the_header_search_box_and_the_opensearch_link()
    {
        foreach (var path in new[] { "/", Sqlite, "/search?q=sqlite" })
        {
            var page = await SiteFactory.ParseAsync(await _site.CreateReader().GetAsync(path));

            var form = page.QuerySelector<IHtmlFormElement>("header form[role=search]")!;
            Assert.Equal("/search", form.GetAttribute("action"));
            Assert.Equal("get", form.Method);
            var input = form.QuerySelector<IHtmlInputElement>("input[name=q]")!;
            Assert.Equal("Search comparisons", page.QuerySelector($"label[for={input.Id}]")!.TextContent);
            var link = page.QuerySelector("link[rel=search]")!;
            Assert.Equal("application/opensearchdescription+xml", link.GetAttribute("type"));
            Assert.Equal("/opensearch.xml", link.GetAttribute("href"));
            Assert.False(string.IsNullOrEmpty(link.GetAttribute("title")));
        }
    }

    [Fact]
    public async Task The_opensearch_description_parses_and_its_template_uses_the_configured_base()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/opensearch.xml");
        request.Headers.Host = "evil.example";
        using var response = await _site.CreateReader().SendAsync(request);
        var xml = await response.Content.ReadAsStringAsync();

        Assert.Equal("application/opensearchdescription+xml", response.Content.Headers.ContentType!.MediaType);
        XNamespace ns = OpenSearchDescription.Namespace;
        var root = XDocument.Parse(xml).Root!;
        Assert.Equal(ns + "OpenSearchDescription", root.Name);
        Assert.Equal("ComparisonSite", root.Element(ns + "ShortName")!.Value);
        Assert.Equal("UTF-8", root.Element(ns + "InputEncoding")!.Value);
        Assert.False(string.IsNullOrEmpty(root.Element(ns + "Description")!.Value));
        Assert.Equal(BaseUrl + "/favicon.svg", root.Element(ns + "Image")!.Value);
        var html = root.Elements(ns + "Url").Single(u => (string?)u.Attribute("type") == "text/html");
        Assert.Equal(BaseUrl + "/search?q={searchTerms}", (string?)html.Attribute("template"));
        Assert.DoesNotContain("evil.example", xml, StringComparison.Ordinal);
        using var favicon = await _site.CreateReader().GetAsync("/favicon.svg");
        Assert.Equal(HttpStatusCode.OK, favicon.StatusCode);
    }
}
