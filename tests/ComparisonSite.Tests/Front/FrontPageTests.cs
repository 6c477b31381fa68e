using System.Xml.Linq;
using AngleSharp.Dom;
using ComparisonSite.Articles;
using ComparisonSite.Caching;
using ComparisonSite.Content;
using ComparisonSite.Results.Store;

namespace ComparisonSite.Tests.Front;

/// <summary>
/// The home page, the tag pages and related comparisons, over the repository's content plus the front-site
/// fixtures, in Production (so through the page cache).
/// </summary>
public sealed class FrontPageTests(PostgresFixture postgres)
    : IAsyncLifetime, IDisposable, IClassFixture<PostgresFixture>
{
    private const string Suite = "python-web-frameworks";
    private readonly FrontSiteContent _content = new();
    private TestSite _site = null!;

    private static readonly string[] Published =
        ["/" + FrontSiteContent.Seed, "/fastapi-vs-flask", "/django-vs-flask", "/go-routers", "/lonely-databases"];

    public async Task InitializeAsync() => _site = await TestSite.CreateAsync(postgres, _content.Folder);

    public async Task DisposeAsync() => await _site.DisposeAsync();

    // xunit disposes after DisposeAsync: the site is stopped by then.
    public void Dispose() => _content.Dispose();

    [Fact]
    public async Task Home_lists_every_published_comparison_and_no_draft_or_withdrawn_one()
    {
        var home = await GetAsync("/");

        var links = Entries(home).Select(e => e.QuerySelector(".entry-title a")!.GetAttribute("href")).ToList();
        Assert.Equal(Published.Order(StringComparer.Ordinal), links.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(home.QuerySelectorAll("a"), a => a.GetAttribute("href") is "/draft-python"
            or "/withdrawn-python");
        Assert.All(Entries(home), e => Assert.NotEmpty(e.QuerySelector(".entry-verdict")!.TextContent.Trim()));
    }

    [Fact]
    public async Task An_entry_shows_its_verdict_headline_from_the_store_last_data_update_and_tags()
    {
        var home = await GetAsync("/");
        var entry = Entry(home, "/fastapi-vs-flask");
        var run = _site.Get<ResultsStore>().Current!.RunFor(Suite)!;

        Assert.Equal("FastAPI", entry.QuerySelector(".entry-verdict strong")!.TextContent);
        var figure = entry.QuerySelector(".entry-headline a.figure")!;
        Assert.Equal("/fastapi-vs-flask#methodology", figure.GetAttribute("href"));
        Assert.Contains(run.Run.Info.Title, figure.GetAttribute("title"), StringComparison.Ordinal);
        Assert.Equal(StoreValue("fastapi"), Value(figure));

        var updated = entry.QuerySelector(".entry-meta a[href='/fastapi-vs-flask/data'] time")!;
        Assert.Equal(run.Run.ChangedAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            updated.GetAttribute("datetime"));
        Assert.Equal(
            ["/tags/python", "/tags/web-frameworks"],
            entry.QuerySelectorAll(".tag-list a").Select(a => a.GetAttribute("href")));
        Assert.Equal(["Python", "Web frameworks"], entry.QuerySelectorAll(".tag-list a").Select(a => a.TextContent));

        // The seed's own headline reads its reported run, through the same references as its prose.
        var seed = Entry(home, "/" + FrontSiteContent.Seed);
        var seedFigure = seed.QuerySelector(".entry-headline a.figure")!;
        Assert.EndsWith("faster", seedFigure.TextContent, StringComparison.Ordinal);
        Assert.Null(Entry(home, "/go-routers").QuerySelector(".entry-headline"));
    }

    [Fact]
    public async Task The_headline_follows_an_import_and_a_second_request_is_a_cache_hit()
    {
        var reader = _site.CreateReader();
        var first = await reader.GetStringAsync("/");
        var cached = _site.Get<PageCache>().Count;
        var renders = _site.Get<ArticlePageRenderer>().RenderCount;
        var hit = await reader.GetStringAsync("/");
        Assert.True(cached > 0);
        Assert.Equal(first, hit);
        Assert.Equal(cached, _site.Get<PageCache>().Count);
        Assert.Equal(renders, _site.Get<ArticlePageRenderer>().RenderCount);
        var before = Value(Entry(await GetAsync("/"), "/fastapi-vs-flask").QuerySelector(".entry-headline data")!);

        var import = await SiteProcess.RunVerbAsync(
            _site.Database, "import", Path.Combine(FixturePaths.Root, "imports", "second-run.json"));
        Assert.True(import.ExitCode == 0, import.Error);
        var store = _site.Get<ResultsStore>();
        await Eventually.TrueAsync(() => store.Current!.RunFor(Suite)!.Run.Id == "rerun-2026-06");

        var home = await GetAsync("/");
        var after = Value(Entry(home, "/fastapi-vs-flask").QuerySelector(".entry-headline data")!);
        Assert.NotEqual(before, after);
        Assert.Equal(StoreValue("fastapi"), after);
        var latest = home.QuerySelectorAll("#latest-data li a").Select(a => a.GetAttribute("href")).ToList();
        Assert.EndsWith("/runs/rerun-2026-06", latest[0], StringComparison.Ordinal);
        var imported = home.QuerySelectorAll("#latest-data li time").Select(t => t.GetAttribute("datetime")!).ToList();
        Assert.Equal(imported.OrderDescending(StringComparer.Ordinal), imported);
        Assert.Equal(latest.Count, latest.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task Tags_page_counts_published_comparisons_and_a_tag_page_lists_them()
    {
        var tags = await GetAsync("/tags");
        var listed = tags.QuerySelectorAll(".tag-index li").Select(li => (
            li.QuerySelector("a")!.GetAttribute("href"), li.QuerySelector(".meta")!.TextContent)).ToList();
        Assert.Equal(
            [("/tags/databases", "1 comparison"), ("/tags/go", "1 comparison"),
                ("/tags/python", "3 comparisons"), ("/tags/web-frameworks", "3 comparisons")],
            listed);
        Assert.Equal("Tags | ComparisonSite", tags.Title);

        var python = await GetAsync("/tags/python");
        Assert.Equal(
            ["/django-vs-flask", "/" + FrontSiteContent.Seed, "/fastapi-vs-flask"],
            Entries(python).Select(e => e.QuerySelector(".entry-title a")!.GetAttribute("href"))
                .Order(StringComparer.Ordinal));
        Assert.Equal("Comparisons tagged “Python”", python.QuerySelector("h1")!.TextContent);
        Assert.EndsWith("/tags/python", python.QuerySelector("link[rel=canonical]")!.GetAttribute("href"),
            StringComparison.Ordinal);
        Assert.NotEmpty(python.QuerySelector("meta[name=description]")!.GetAttribute("content")!);
    }

    [Theory]
    [InlineData("/tags/no-such-tag")]
    [InlineData("/tags/draft-only")]
    public async Task An_unknown_tag_answers_404(string path)
    {
        using var response = await _site.CreateReader().GetAsync(path);
        var page = await SiteFactory.ParseAsync(response);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Page not found", page.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task The_sitemap_lists_the_tag_pages()
    {
        var xml = XDocument.Parse(await _site.CreateReader().GetStringAsync("/sitemap.xml"));
        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var paths = xml.Descendants(ns + "loc").Select(l => new Uri(l.Value).AbsolutePath).ToList();

        Assert.Contains("/tags", paths);
        Assert.Equal(
            ["/tags/databases", "/tags/go", "/tags/python", "/tags/web-frameworks"],
            paths.Where(p => p.StartsWith("/tags/", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Related_comparisons_named_in_front_matter_come_in_their_order_without_drafts()
    {
        var page = await GetAsync("/fastapi-vs-flask");

        Assert.Equal(
            ["/go-routers", "/" + FrontSiteContent.Seed],
            page.QuerySelectorAll("#related li > a").Select(a => a.GetAttribute("href")));
        Assert.Equal("Related comparisons", page.QuerySelector("#related h2")!.TextContent);
    }

    [Fact]
    public async Task Without_related_in_front_matter_the_most_shared_tags_and_frameworks_come_first()
    {
        var page = await GetAsync("/" + FrontSiteContent.Seed);

        // fastapi-vs-flask shares 2 tags and 2 frameworks, django-vs-flask 1 and 2, go-routers 1 tag; the draft
        // and the withdrawn one would score as high but readers cannot reach them.
        var related = page.QuerySelectorAll("#related li").ToList();
        Assert.Equal(
            ["/fastapi-vs-flask", "/django-vs-flask", "/go-routers"],
            related.Select(li => li.QuerySelector("a")!.GetAttribute("href")));
        Assert.Equal(
            "Django for content sites with an admin, Flask for small services.",
            related[1].QuerySelector("p")!.TextContent);
        // A comparison without a verdict line shows its description.
        Assert.Equal(
            "Two Go routers: a fixture comparison that shares only a tag.", related[2].QuerySelector("p")!.TextContent);
    }

    [Fact]
    public async Task No_related_section_when_nothing_is_related_and_an_unknown_related_slug_is_a_warning()
    {
        var page = await GetAsync("/lonely-databases");

        Assert.Null(page.QuerySelector("#related"));
        var warning = Assert.Single(
            _site.Get<ContentLibrary>().Current.Diagnostics, d => d.File == "lonely-databases/index.md");
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Equal(11, warning.Line);
        Assert.Contains("no-such-comparison", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_related_comparisons_new_title_reaches_a_cached_article()
    {
        var before = await GetAsync("/" + FrontSiteContent.Seed);
        Assert.Contains(
            before.QuerySelectorAll("#related a"), a => a.TextContent == "Django vs Flask for content sites");

        var index = Path.Combine(_content.Folder, "django-vs-flask", "index.md");
        var text = await File.ReadAllTextAsync(index);
        await File.WriteAllTextAsync(index, text.Replace(
            "Django vs Flask for content sites", "Django vs Flask, revisited", StringComparison.Ordinal));
        File.SetLastWriteTimeUtc(index, DateTime.UtcNow.AddMinutes(1));
        await _site.Get<ContentLibrary>().ReloadAsync(CancellationToken.None);

        var after = await GetAsync("/" + FrontSiteContent.Seed);
        Assert.Contains(after.QuerySelectorAll("#related a"), a => a.TextContent == "Django vs Flask, revisited");
    }

    private async Task<IHtmlDocument> GetAsync(string path)
    {
        using var response = await _site.CreateReader().GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await SiteFactory.ParseAsync(response);
    }

    private static IEnumerable<IElement> Entries(IHtmlDocument page) =>
        page.QuerySelectorAll(".comparison-list > li.comparison-entry");

    private static IElement Entry(IHtmlDocument page, string path) =>
        Entries(page).Single(e => e.QuerySelector(".entry-title a")!.GetAttribute("href") == path);

    private static double Value(IElement figure) =>
        double.Parse(
            (figure.LocalName == "data" ? figure : figure.QuerySelector("data")!).GetAttribute("value")!,
            CultureInfo.InvariantCulture);

    private double StoreValue(string framework) =>
        _site.Get<ResultsStore>().Current!.RunFor(Suite)!.Find(framework, "json", "rps")!.Value;
}
