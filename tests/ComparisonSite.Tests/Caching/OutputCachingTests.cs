using System.Diagnostics;
using ComparisonSite.Articles;
using ComparisonSite.Content;
using ComparisonSite.Tests.Fixtures;
using ComparisonSite.Tests.Results;
using ComparisonSite.Tests.Site;

namespace ComparisonSite.Tests.Caching;

/// <summary>Cached pages cost no rendering, and each kind of change evicts exactly the pages it affects.</summary>
[Collection(PostgresTests.Name)]
public sealed class OutputCachingTests(PostgresFixture postgres) : IAsyncLifetime
{
    private readonly string _content = FixturePaths.CopyToTemp(FixturePaths.SecondSiteContent);
    private string _database = null!;

    public async Task InitializeAsync() => _database = await postgres.CreateDatabaseAsync();

    public Task DisposeAsync()
    {
        Directory.Delete(_content, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_second_request_is_served_from_the_cache_with_no_rendering()
    {
        await using var site = SiteFactory.Create(SiteFactory.RepositoryContent, _database);
        var reader = site.CreateReader();
        var renderer = site.Get<ArticlePageRenderer>();

        var first = await reader.GetStringAsync("/fastapi-vs-django-vs-flask");
        var rendersAfterFirst = renderer.RenderCount;
        var loadsAfterFirst = site.Get<ContentLibrary>().Current;
        using var hit = await reader.GetAsync("/fastapi-vs-django-vs-flask");
        var second = await hit.Content.ReadAsStringAsync();

        Assert.Equal(1, rendersAfterFirst);
        // Sent with its length (not chunked), straight from the cache entry.
        Assert.Equal(System.Text.Encoding.UTF8.GetByteCount(second), hit.Content.Headers.ContentLength);
        Assert.Equal(rendersAfterFirst, renderer.RenderCount);
        Assert.Same(loadsAfterFirst, site.Get<ContentLibrary>().Current);
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task A_content_edit_evicts_only_the_edited_comparison()
    {
        await using var site = SiteFactory.Create(_content, _database);
        var reader = site.CreateReader();
        var renderer = site.Get<ArticlePageRenderer>();
        await reader.GetStringAsync("/postgresql-vs-sqlite");
        var untouched = await reader.GetStringAsync("/tricky-characters");
        var renders = renderer.RenderCount;

        var index = Path.Combine(_content, "postgresql-vs-sqlite", "index.md");
        await File.WriteAllTextAsync(index, (await File.ReadAllTextAsync(index)).Replace("for small web apps", "for tiny web apps", StringComparison.Ordinal));
        await Eventually.TrueAsync(async () => (await reader.GetStringAsync("/postgresql-vs-sqlite")).Contains("for tiny web apps", StringComparison.Ordinal));

        Assert.Equal(untouched, await reader.GetStringAsync("/tricky-characters"));
        Assert.Equal(renders + 1, renderer.RenderCount);
    }

    [Fact]
    public async Task A_results_import_evicts_the_pages_citing_that_suite_and_no_others()
    {
        await using var site = SiteFactory.Create(_content, _database);
        var reader = site.CreateReader();
        var renderer = site.Get<ArticlePageRenderer>();
        var before = await reader.GetStringAsync("/postgresql-vs-sqlite");
        var untouched = await reader.GetStringAsync("/tricky-characters");
        var renders = renderer.RenderCount;
        var modified = (await reader.GetAsync("/postgresql-vs-sqlite")).Content.Headers.LastModified;

        var import = await SiteProcess.RunVerbAsync(_database, "import", Path.Combine(FixturePaths.Root, "imports", "embedded-run.json"));
        Assert.Equal(0, import.ExitCode);
        await Eventually.TrueAsync(async () => (await reader.GetAsync("/postgresql-vs-sqlite")).Content.Headers.LastModified != modified);

        Assert.NotEqual(before, await reader.GetStringAsync("/postgresql-vs-sqlite"));
        Assert.Equal(untouched, await reader.GetStringAsync("/tricky-characters"));
        Assert.Equal(renders + 1, renderer.RenderCount);
    }

    [Fact]
    public async Task Two_instances_on_one_database_both_serve_a_new_import_within_a_second()
    {
        await using var first = SiteFactory.Create(SiteFactory.RepositoryContent, _database);
        await using var second = SiteFactory.Create(SiteFactory.RepositoryContent, _database);
        var readers = new[] { first.CreateReader(), second.CreateReader() };
        foreach (var reader in readers)
        {
            Assert.Contains("8,520", await reader.GetStringAsync("/fastapi-vs-django-vs-flask"), StringComparison.Ordinal);
        }

        var import = await SiteProcess.RunVerbAsync(_database, "import", Path.Combine(FixturePaths.Root, "imports", "second-run.json"));
        var committed = Stopwatch.StartNew();
        Assert.Equal(0, import.ExitCode);

        foreach (var reader in readers)
        {
            await Eventually.TrueAsync(async () => (await reader.GetStringAsync("/fastapi-vs-django-vs-flask")).Contains("9,200", StringComparison.Ordinal));
        }

        Assert.True(committed.Elapsed < TimeSpan.FromSeconds(1), $"both instances served the new run after {committed.ElapsedMilliseconds} ms");
    }
}
