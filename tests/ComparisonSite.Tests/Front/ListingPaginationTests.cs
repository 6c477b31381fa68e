using System.Xml.Linq;
using AngleSharp.Dom;

namespace ComparisonSite.Tests.Front;

/// <summary>
/// Listings and indexes that hold many comparisons: the home and tag pages split over pages with stable
/// addresses, rel links and their own canonical; the sitemap split into a sitemap index and files. Small limits
/// (two comparisons a page, five URLs a sitemap file) stand in for the real ones over the front-site fixtures.
/// </summary>
public sealed class ListingPaginationTests(PostgresFixture postgres)
    : IAsyncLifetime, IDisposable, IClassFixture<PostgresFixture>
{
    private const string BaseUrl = "https://comparisons.example";
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private readonly FrontSiteContent _content = new();
    private TestSite _site = null!;
    private TestSite _unsplit = null!;
    private HttpClient _reader = null!;

    private static readonly string[] Published =
        ["/" + FrontSiteContent.Seed, "/fastapi-vs-flask", "/django-vs-flask", "/go-routers", "/lonely-databases"];

    public async Task InitializeAsync()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Site:PublicBaseUrl"] = BaseUrl,
            ["Site:ListingPageSize"] = "2",
            ["Site:SitemapUrlsPerFile"] = "5",
        };
        _site = await TestSite.CreateAsync(postgres, _content.Folder, settings: settings);
        _unsplit = await TestSite.CreateAsync(
            postgres, _content.Folder, settings: new Dictionary<string, string?> { ["Site:PublicBaseUrl"] = BaseUrl });
        _reader = _site.CreateReader();
    }

    public async Task DisposeAsync()
    {
        await _site.DisposeAsync();
        await _unsplit.DisposeAsync();
    }

    public void Dispose() => _content.Dispose();

    [Fact]
    public async Task A_search_without_results_suggests_one_listing_page_of_comparisons_and_links_the_rest()
    {
        var page = await GetAsync("/search?q=nothing-like-this");

        var suggested = page.QuerySelectorAll(".search-none li a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(2, suggested.Count);
        Assert.Subset(Published.ToHashSet(), suggested.ToHashSet()!);
        var more = page.QuerySelectorAll(".search-none p")[^1];
        Assert.StartsWith("And 3 more", more.TextContent, StringComparison.Ordinal);
        Assert.Equal("/", more.QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task The_home_page_lists_each_comparison_once_across_its_pages_newest_first()
    {
        var pages = new[] { "/", "/page/2", "/page/3" };
        var entries = new List<string?>();
        foreach (var path in pages)
        {
            var page = await GetAsync(path);
            var links = EntryLinks(page);
            Assert.InRange(links.Count, 1, 2);
            entries.AddRange(links);
        }

        Assert.Equal(Published.Order(StringComparer.Ordinal), entries.Order(StringComparer.Ordinal));
        var unsplit = await SiteFactory.ParseAsync(await _unsplit.CreateReader().GetAsync("/"));
        Assert.Equal(EntryLinks(unsplit), entries);
    }

    [Fact]
    public async Task Each_page_names_itself_canonical_and_links_its_neighbours_in_head_and_body()
    {
        var first = await GetAsync("/");
        var second = await GetAsync("/page/2");
        var last = await GetAsync("/page/3");

        Assert.Equal(BaseUrl + "/", Head(first, "canonical"));
        Assert.Null(Head(first, "prev"));
        Assert.Equal(BaseUrl + "/page/2", Head(first, "next"));
        Assert.Equal(BaseUrl + "/page/2", Head(second, "canonical"));
        Assert.Equal(BaseUrl + "/", Head(second, "prev"));
        Assert.Equal(BaseUrl + "/page/3", Head(second, "next"));
        Assert.Equal(BaseUrl + "/page/3", Head(last, "canonical"));
        Assert.Null(Head(last, "next"));

        var nav = second.QuerySelector("nav.listing-pages")!;
        Assert.Equal("Pages of this list", nav.GetAttribute("aria-label"));
        Assert.Equal("Comparisons 3–4 of 5 (page 2 of 3).", nav.QuerySelector("p")!.TextContent);
        Assert.Equal("/", nav.QuerySelector("a[rel=prev]")!.GetAttribute("href"));
        Assert.Equal("/page/3", nav.QuerySelector("a[rel=next]")!.GetAttribute("href"));
        Assert.Contains("(page 2 of 3)", second.Title, StringComparison.Ordinal);
        // Latest data updates and the tag list belong to the home page itself.
        Assert.NotNull(first.QuerySelector("#latest-data"));
        Assert.Null(second.QuerySelector("#latest-data"));
    }

    [Theory]
    [InlineData("/page/1", "/")]
    [InlineData("/page/02", "/page/2")]
    [InlineData("/tags/python/page/1", "/tags/python")]
    public async Task Another_spelling_of_a_page_redirects_permanently_to_its_address(string path, string address)
    {
        using var response = await _reader.GetAsync(path);

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(address, response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("/page/4")]
    [InlineData("/page/0")]
    [InlineData("/page/-1")]
    [InlineData("/page/99999999999")]
    [InlineData("/tags/python/page/3")]
    [InlineData("/tags/no-such-tag/page/2")]
    public async Task A_page_past_the_end_or_before_the_start_is_not_found(string path)
    {
        using var response = await _reader.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_tag_page_splits_the_same_way_under_the_tag_s_address()
    {
        // Python: the seed, fastapi-vs-flask and django-vs-flask (the draft and the withdrawn one are not listed).
        var first = await GetAsync("/tags/python");
        var second = await GetAsync("/tags/python/page/2");

        Assert.Equal(2, EntryLinks(first).Count);
        Assert.Single(EntryLinks(second));
        Assert.Equal(BaseUrl + "/tags/python/page/2", Head(second, "canonical"));
        Assert.Equal(BaseUrl + "/tags/python", Head(second, "prev"));
        Assert.StartsWith("3 comparisons", first.QuerySelector("p.meta")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Past_its_limit_the_sitemap_becomes_an_index_of_files_that_together_list_every_url_once()
    {
        var index = XDocument.Parse(await _reader.GetStringAsync("/sitemap.xml"));
        var unsplit = XDocument.Parse(await _unsplit.CreateReader().GetStringAsync("/sitemap.xml"));

        Assert.Equal(Sitemap + "sitemapindex", index.Root!.Name);
        var files = index.Root.Elements(Sitemap + "sitemap").ToList();
        var listed = new List<string>();
        for (var i = 0; i < files.Count; i++)
        {
            var location = files[i].Element(Sitemap + "loc")!.Value;
            Assert.Equal($"{BaseUrl}/sitemaps/{i + 1}.xml", location);
            var file = XDocument.Parse(await _reader.GetStringAsync(new Uri(location).AbsolutePath));
            var urls = file.Root!.Elements(Sitemap + "url").ToList();
            Assert.InRange(urls.Count, 1, 5);
            Assert.Equal(
                urls.Max(u => DateTimeOffset.Parse(
                    u.Element(Sitemap + "lastmod")!.Value, CultureInfo.InvariantCulture)),
                DateTimeOffset.Parse(files[i].Element(Sitemap + "lastmod")!.Value, CultureInfo.InvariantCulture));
            listed.AddRange(urls.Select(u => u.Element(Sitemap + "loc")!.Value));
        }

        var everything = unsplit.Root!.Elements(Sitemap + "url").Select(u => u.Element(Sitemap + "loc")!.Value);
        Assert.Equal(everything, listed);
        Assert.True(files.Count > 1);
        Assert.Equal(
            HttpStatusCode.NotFound, (await _reader.GetAsync($"/sitemaps/{files.Count + 1}.xml")).StatusCode);
    }

    [Fact]
    public async Task Within_its_limit_the_sitemap_is_one_file_and_numbered_files_do_not_exist()
    {
        var reader = _unsplit.CreateReader();
        var sitemap = XDocument.Parse(await reader.GetStringAsync("/sitemap.xml"));

        Assert.Equal(Sitemap + "urlset", sitemap.Root!.Name);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("/sitemaps/1.xml")).StatusCode);
    }

    private async Task<IDocument> GetAsync(string path)
    {
        using var response = await _reader.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await SiteFactory.ParseAsync(response);
    }

    private static List<string?> EntryLinks(IDocument page) =>
        [.. page.QuerySelectorAll(".comparison-list .entry-title a").Select(a => a.GetAttribute("href"))];

    private static string? Head(IDocument page, string rel) =>
        page.Head!.QuerySelector($"link[rel={rel}]")?.GetAttribute("href");
}
