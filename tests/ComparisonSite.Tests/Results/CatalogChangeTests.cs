using ComparisonSite.Results;
using ComparisonSite.Results.Import;
using ComparisonSite.Results.Store;

namespace ComparisonSite.Tests.Results;

/// <summary>
/// The catalog is shared by every suite (issue #20, item 5): an import of another suite that redeclares a
/// framework, scenario or metric differently is refused, naming the entry and both values, unless asked to update
/// the catalog; declaring an entry exactly as stored is fine.
/// </summary>
public sealed class CatalogChangeTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    private const string Refusal = "(the catalog is shared by all suites); declare it as stored, or import with "
        + "--update-catalog to change it";

    /// <summary>A run of an unrelated, older suite that declares the seed's django and rps its own way.</summary>
    private static RunDocument OldSuite(Framework django, Metric? rps = null) => new()
    {
        Suite = "legacy-python",
        Run = new RunInfo
        {
            Id = "legacy-2019",
            Title = "An older suite",
            Date = new DateOnly(2019, 5, 1),
            Source = "Fixture",
            Origin = RunOrigin.Reported,
        },
        Frameworks = [django],
        Metrics = rps is null ? [] : [rps],
        Results = [new ResultRow("django", "json", "rps", 900, null, "$.results[0]")],
    };

    [Fact]
    public async Task An_import_that_renames_a_framework_is_refused_and_writes_nothing()
    {
        await using var store = await StoreHarness.CreateAsync(await postgres.CreateDatabaseAsync(), seed: true);
        var stored = await StoredDjangoAsync(store);
        var before = await store.DumpAsync();

        var outcome = await store.Get<RunImporter>().ImportAsync(
            OldSuite(stored with { Name = "Django 1.x" }), CancellationToken.None);

        Assert.Equal(
            "$.frameworks[0].name: would change the name of framework \"django\" from \"Django\" to \"Django 1.x\" "
            + "on every page that shows it " + Refusal,
            Assert.Single(outcome.Problems).ToString());
        Assert.Equal(before, await store.DumpAsync());
    }

    [Fact]
    public async Task A_metric_whose_direction_or_unit_would_change_is_refused_field_by_field()
    {
        await using var store = await StoreHarness.CreateAsync(await postgres.CreateDatabaseAsync(), seed: true);
        await store.Get<ResultsStore>().ReloadAsync(CancellationToken.None);
        var rps = store.Get<ResultsStore>().Current!.Metrics["rps"];
        var before = await store.DumpAsync();

        var outcome = await store.Get<RunImporter>().ImportAsync(
            OldSuite(await StoredDjangoAsync(store), rps with { Unit = "ms", Better = Better.Lower }),
            CancellationToken.None);

        Assert.Equal(
            [
                "$.metrics[0].unit: would change the unit of metric \"rps\" from \"req/s\" to \"ms\"",
                "$.metrics[0].better: would change the better of metric \"rps\" from \"higher\" to \"lower\"",
            ],
            outcome.Problems.Select(p => p.ToString()[..p.ToString().IndexOf(" on every", StringComparison.Ordinal)]));
        Assert.Equal(before, await store.DumpAsync());
    }

    [Fact]
    public async Task Leaving_out_a_stored_field_counts_as_a_change()
    {
        await using var store = await StoreHarness.CreateAsync(await postgres.CreateDatabaseAsync(), seed: true);
        var stored = await StoredDjangoAsync(store);

        var outcome = await store.Get<RunImporter>().ImportAsync(
            OldSuite(stored with { Language = null }), CancellationToken.None);

        Assert.StartsWith(
            "$.frameworks[0].language: would change the language of framework \"django\" from \"Python\" to (none)",
            Assert.Single(outcome.Problems).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Redeclaring_entries_exactly_as_stored_imports()
    {
        await using var store = await StoreHarness.CreateAsync(await postgres.CreateDatabaseAsync(), seed: true);
        var seed = TestSnapshots.SeedDocument();
        var seeded = await store.CountAsync("runs");

        var outcome = await store.Get<RunImporter>().ImportAsync(
            seed with { Run = seed.Run with { Id = "same-catalog" } }, CancellationToken.None);

        Assert.Empty(outcome.Problems);
        Assert.Equal(seeded + 1, await store.CountAsync("runs"));
    }

    [Fact]
    public async Task Update_catalog_lets_the_import_rename_the_entry()
    {
        await using var store = await StoreHarness.CreateAsync(await postgres.CreateDatabaseAsync(), seed: true);
        var stored = await StoredDjangoAsync(store);

        var outcome = await store.Get<RunImporter>().ImportAsync(
            OldSuite(stored with { Name = "Django 1.x" }),
            new ImportOptions { UpdateCatalog = true },
            CancellationToken.None);
        await store.Get<ResultsStore>().ReloadAsync(CancellationToken.None);

        Assert.Empty(outcome.Problems);
        Assert.Equal("Django 1.x", store.Get<ResultsStore>().Current!.Frameworks["django"].Name);
    }

    [Fact]
    public async Task The_import_verb_names_the_change_and_takes_update_catalog()
    {
        var database = await postgres.CreateDatabaseAsync();
        var file = Path.Combine(Path.GetTempPath(), "comparisonsite-tests", $"legacy-{Guid.NewGuid():N}.json");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllTextAsync(file, """
            {
              "suite": "legacy-python",
              "run": { "id": "legacy-2019", "title": "An older suite", "date": "2019-05-01", "source": "Fixture",
                       "origin": "reported" },
              "frameworks": [ { "slug": "django", "name": "Django (legacy)", "language": "Python",
                                "server": "Gunicorn (WSGI)", "url": "https://www.djangoproject.com/" } ],
              "results": [ { "framework": "django", "scenario": "json", "metric": "rps", "value": 900 } ]
            }
            """);
        try
        {
            var refused = await SiteProcess.RunVerbAsync(database, "import", file);
            var forced = await SiteProcess.RunVerbAsync(database, "import", file, "--update-catalog");

            Assert.Equal(1, refused.ExitCode);
            Assert.Contains(
                "$.frameworks[0].name: would change the name of framework \"django\" from \"Django\" to "
                + "\"Django (legacy)\"", refused.Error, StringComparison.Ordinal);
            Assert.True(forced.ExitCode == 0, forced.Error);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task<Framework> StoredDjangoAsync(StoreHarness store)
    {
        await store.Get<ResultsStore>().ReloadAsync(CancellationToken.None);
        return store.Get<ResultsStore>().Current!.Frameworks["django"];
    }
}
