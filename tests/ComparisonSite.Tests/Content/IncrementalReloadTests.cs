using ComparisonSite.Articles;
using ComparisonSite.Caching;
using ComparisonSite.Content;
using ComparisonSite.Tests.Front;

namespace ComparisonSite.Tests.Content;

/// <summary>
/// A save re-reads only the folders whose files changed, and evicts only the pages that show them: every other
/// comparison stays the very object it was and keeps its cached page. Over the repository's content plus the
/// front-site fixtures, in Production (so through the page cache), with the watcher following edits.
/// </summary>
public sealed class IncrementalReloadTests(PostgresFixture postgres)
    : IAsyncLifetime, IDisposable, IClassFixture<PostgresFixture>
{
    private static readonly TimeSpan Promptly = TimeSpan.FromSeconds(15);
    private readonly FrontSiteContent _content = new();
    private TestSite _site = null!;
    private HttpClient _reader = null!;

    private static readonly string[] Published =
        [FrontSiteContent.Seed, "fastapi-vs-flask", "django-vs-flask", "go-routers", "lonely-databases"];

    public async Task InitializeAsync()
    {
        _site = await TestSite.CreateAsync(postgres, _content.Folder);
        _reader = _site.CreateReader();
    }

    public async Task DisposeAsync() => await _site.DisposeAsync();

    public void Dispose() => _content.Dispose();

    private ContentLibrary Library => _site.Get<ContentLibrary>();

    private ArticlePageRenderer Renderer => _site.Get<ArticlePageRenderer>();

    private PageCache Cache => _site.Get<PageCache>();

    [Fact]
    public async Task A_save_in_one_folder_rereads_that_folder_only_and_every_other_cached_page_stays()
    {
        await FetchEveryArticleAsync();
        var before = Library.Current.Comparisons;
        var renders = Renderer.RenderCount;
        var misses = Cache.Misses;

        await AppendAsync("lonely-databases", "01-notes.md", "A line saved by the editor.");
        await Eventually.TrueAsync(
            async () => (await TextAsync("/lonely-databases")).Contains("A line saved by the editor.", Ordinal),
            Promptly);

        var after = Library.Current.Comparisons;
        Assert.NotSame(before["lonely-databases"], after["lonely-databases"]);
        Assert.All(Published.Where(s => s != "lonely-databases"), s => Assert.Same(before[s], after[s]));
        Assert.Equal(renders + 1, Renderer.RenderCount);
        await FetchEveryArticleAsync();
        Assert.Equal(renders + 1, Renderer.RenderCount);
        // The changed page missed the cache once (when the edit first showed): every other page was a hit.
        Assert.Equal(misses + 1, Cache.Misses);
    }

    [Fact]
    public async Task A_changed_title_reaches_the_related_links_that_list_it_and_every_other_page_stays_cached()
    {
        await FetchEveryArticleAsync();
        Assert.Contains("/go-routers", await RelatedAsync("/fastapi-vs-flask"));
        Assert.DoesNotContain("/go-routers", await RelatedAsync("/django-vs-flask"));
        var misses = Cache.Misses;

        await ReplaceAsync("go-routers", "index.md", "Gin vs Chi: Go HTTP routers", "Gin vs Chi, renamed");
        await Eventually.TrueAsync(
            async () => (await RelatedTitlesAsync("/fastapi-vs-flask")).Contains("Gin vs Chi, renamed"), Promptly);
        Assert.Contains("Gin vs Chi, renamed", await RelatedTitlesAsync("/" + FrontSiteContent.Seed));

        // Pages made afresh: go-routers itself, fastapi-vs-flask (whose front matter names it) and the seed (which
        // shares a tag with it). django-vs-flask and lonely-databases, which do not list it, are cache hits.
        await FetchEveryArticleAsync();
        Assert.Equal(misses + 3, Cache.Misses);
    }

    [Fact]
    public async Task A_renamed_folder_moves_its_page_and_drops_out_of_related_links_that_named_the_old_slug()
    {
        await FetchEveryArticleAsync();
        var fastapi = Library.Current.Comparisons["fastapi-vs-flask"];
        var old = Path.Combine(_content.Folder, "go-routers");
        var renamed = Path.Combine(_content.Folder, "go-http-routers");

        await ReplaceAsync("go-routers", "index.md", "slug: go-routers", "slug: go-http-routers");
        Directory.Move(old, renamed);

        await Eventually.TrueAsync(async () => await StatusAsync("/go-http-routers") == HttpStatusCode.OK, Promptly);
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync("/go-routers"));
        Assert.DoesNotContain("/go-routers", await RelatedAsync("/fastapi-vs-flask"));
        Assert.Same(fastapi, Library.Current.Comparisons["fastapi-vs-flask"]);
        Assert.Contains(
            Library.Current.Diagnostics,
            d => d.Message.Contains("related 'go-routers' names no comparison", Ordinal));
    }

    [Fact]
    public async Task A_deleted_folder_leaves_the_site_and_its_listings()
    {
        await FetchEveryArticleAsync();
        var django = Library.Current.Comparisons["django-vs-flask"];

        Directory.Delete(Path.Combine(_content.Folder, "lonely-databases"), recursive: true);

        await Eventually.TrueAsync(
            async () => await StatusAsync("/lonely-databases") == HttpStatusCode.NotFound, Promptly);
        Assert.DoesNotContain("/lonely-databases", await HomeLinksAsync());
        Assert.Same(django, Library.Current.Comparisons["django-vs-flask"]);
    }

    [Fact]
    public async Task A_broken_save_keeps_the_last_good_version_and_the_others_untouched()
    {
        await FetchEveryArticleAsync();
        var before = Library.Current.Comparisons;

        await ReplaceAsync("go-routers", "index.md", "published: 2026-02-01", "published: not-a-date");
        await Eventually.TrueAsync(
            () => Task.FromResult(Library.Current.Diagnostics.Any(d => d.File == "go-routers/index.md")), Promptly);

        Assert.Equal(HttpStatusCode.OK, await StatusAsync("/go-routers"));
        Assert.All(Published, s => Assert.Same(before[s], Library.Current.Comparisons[s]));
    }

    private async Task FetchEveryArticleAsync()
    {
        foreach (var slug in Published)
        {
            Assert.Equal(HttpStatusCode.OK, await StatusAsync("/" + slug));
        }
    }

    private async Task<HttpStatusCode> StatusAsync(string path)
    {
        using var response = await _reader.GetAsync(path);
        return response.StatusCode;
    }

    private async Task<string> TextAsync(string path) => (await SiteFactory.ParseAsync(
        await _reader.GetAsync(path))).Body!.TextContent;

    private async Task<List<string?>> RelatedAsync(string path) =>
        [.. (await SiteFactory.ParseAsync(await _reader.GetAsync(path)))
            .QuerySelectorAll("#related li > a").Select(a => a.GetAttribute("href"))];

    private async Task<List<string>> RelatedTitlesAsync(string path) =>
        [.. (await SiteFactory.ParseAsync(await _reader.GetAsync(path)))
            .QuerySelectorAll("#related li > a").Select(a => a.TextContent.Trim())];

    private async Task<List<string?>> HomeLinksAsync() =>
        [.. (await SiteFactory.ParseAsync(await _reader.GetAsync("/")))
            .QuerySelectorAll(".entry-title a").Select(a => a.GetAttribute("href"))];

    private async Task AppendAsync(string folder, string file, string line)
    {
        var path = Path.Combine(_content.Folder, folder, file);
        await File.AppendAllTextAsync(path, "\n" + line + "\n");
    }

    private async Task ReplaceAsync(string folder, string file, string from, string to)
    {
        var path = Path.Combine(_content.Folder, folder, file);
        var text = await File.ReadAllTextAsync(path);
        Assert.Contains(from, text, Ordinal);
        await File.WriteAllTextAsync(path, text.Replace(from, to, Ordinal));
    }

    private const StringComparison Ordinal = StringComparison.Ordinal;
}
