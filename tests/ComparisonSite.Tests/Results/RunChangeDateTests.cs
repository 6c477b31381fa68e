using System.Xml.Linq;
using ComparisonSite.Results.Import;
using ComparisonSite.Results.Store;

namespace ComparisonSite.Tests.Results;

/// <summary>
/// Pages date themselves by when the cited data changed, not by when a store was seeded or a file re-imported
/// (issue #20, item 13): sitemap lastmod, Last-Modified, the feed's updated and JSON-LD dateModified.
/// </summary>
public sealed class RunChangeDateTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    private const string Article = "/fastapi-vs-django-vs-flask";

    // The article's front-matter updated date is later than the seed run's date (2026-03-31).
    private static readonly DateTimeOffset ArticleUpdated = new(2026, 12, 7, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_freshly_seeded_site_dates_its_pages_by_the_article_and_the_seed_not_by_the_seeding()
    {
        await using var site = await TestSite.CreateAsync(postgres);
        var reader = site.CreateReader();

        var sitemap = XDocument.Parse(await reader.GetStringAsync("/sitemap.xml"));
        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var lastmod = sitemap.Descendants(ns + "url")
            .Single(u => u.Element(ns + "loc")!.Value.EndsWith(Article, StringComparison.Ordinal))
            .Element(ns + "lastmod")!.Value;
        var page = await reader.GetAsync(Article);
        var csv = await reader.GetAsync(Article + "/results.csv");

        Assert.Equal(ArticleUpdated, DateTimeOffset.Parse(lastmod, CultureInfo.InvariantCulture));
        Assert.Equal(ArticleUpdated, page.Content.Headers.LastModified);
        Assert.Equal(new DateTimeOffset(2026, 3, 31, 0, 0, 0, TimeSpan.Zero), csv.Content.Headers.LastModified);
    }

    [Fact]
    public async Task Two_stores_seeded_from_the_same_file_agree_on_when_the_data_changed()
    {
        await using var first = await StoreHarness.CreateAsync(await postgres.CreateDatabaseAsync(), seed: true);
        await Task.Delay(1100);
        await using var second = await StoreHarness.CreateAsync(await postgres.CreateDatabaseAsync(), seed: true);

        var a = await SeedRunAsync(first);
        var b = await SeedRunAsync(second);

        Assert.Equal(new DateTimeOffset(2026, 3, 31, 0, 0, 0, TimeSpan.Zero), a.ChangedAt);
        Assert.Equal(a.ChangedAt, b.ChangedAt);
        Assert.NotEqual(a.ImportedAt, b.ImportedAt);
    }

    [Fact]
    public async Task Reimporting_identical_data_keeps_the_change_date_and_changed_data_moves_it()
    {
        await using var store = await StoreHarness.CreateAsync(await postgres.CreateDatabaseAsync(), seed: true);
        var importer = store.Get<RunImporter>();
        var seed = TestSnapshots.SeedDocument();
        var seeded = await SeedRunAsync(store);

        // The same data in another order is the same data.
        var reordered = seed with { Results = [.. seed.Results.Reverse()] };
        Assert.True((await importer.ImportAsync(reordered, CancellationToken.None)).Succeeded);
        var reimported = await SeedRunAsync(store);

        var changed = seed with { Results = [.. seed.Results.Select(r => r with { Value = r.Value + 1 })] };
        Assert.True((await importer.ImportAsync(changed, CancellationToken.None)).Succeeded);
        var afterChange = await SeedRunAsync(store);

        Assert.Equal(seeded.ChangedAt, reimported.ChangedAt);
        Assert.True(afterChange.ChangedAt > DateTimeOffset.UtcNow.AddMinutes(-1), $"{afterChange.ChangedAt}");
    }

    [Fact]
    public async Task A_changed_field_of_the_run_counts_as_a_change()
    {
        await using var store = await StoreHarness.CreateAsync(await postgres.CreateDatabaseAsync(), seed: true);
        var seed = TestSnapshots.SeedDocument();

        await store.Get<RunImporter>().ImportAsync(
            seed with { Run = seed.Run with { Notes = "A corrected note." } }, CancellationToken.None);

        Assert.True((await SeedRunAsync(store)).ChangedAt > DateTimeOffset.UtcNow.AddMinutes(-1));
    }

    [Fact]
    public async Task Two_imports_of_a_run_within_one_second_each_move_its_version()
    {
        await using var store = await StoreHarness.CreateAsync(await postgres.CreateDatabaseAsync(), seed: true);
        var importer = store.Get<RunImporter>();
        var results = store.Get<ResultsStore>();
        var seed = TestSnapshots.SeedDocument();
        var versions = new List<string>();
        var stamps = new List<StoredRun>();

        // Back to back, as an editor's script imports two files: pages and HTTP dates show whole seconds, but the
        // version that keys the page cache must tell the two imports apart (issue 31's bench/scale.sh found a page
        // that kept the first import's figures).
        foreach (var offset in new[] { 1, 2 })
        {
            var changed = seed with { Results = [.. seed.Results.Select(r => r with { Value = r.Value + offset })] };
            Assert.True((await importer.ImportAsync(changed, CancellationToken.None)).Succeeded);
            await results.ReloadAsync(CancellationToken.None);
            var run = results.Current!.RunsById["bytepulse-2026-03"];
            versions.Add(results.Current.RunVersion(run));
            stamps.Add(run.Run);
        }

        Assert.NotEqual(versions[0], versions[1]);
        Assert.True(stamps[1].ImportStamp > stamps[0].ImportStamp);
        Assert.All(stamps, s => Assert.Equal(0, s.ImportedAt.Ticks % TimeSpan.TicksPerSecond));
    }

    private static async Task<StoredRun> SeedRunAsync(StoreHarness store)
    {
        var results = store.Get<ResultsStore>();
        await results.ReloadAsync(CancellationToken.None);
        return results.Current!.RunsById["bytepulse-2026-03"].Run;
    }
}
