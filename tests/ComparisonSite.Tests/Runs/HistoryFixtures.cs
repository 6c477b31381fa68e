using ComparisonSite.Results.Import;
using ComparisonSite.Results.Store;

namespace ComparisonSite.Tests.Runs;

/// <summary>
/// Fixture runs for the data and run pages (Fixtures/runs/): two measured runs of the seed's suite older than the
/// seeded measured ones, and a run of another suite. The seed holds two measured runs: the current one and, as
/// history, the first (before the harness measured equal work).
/// </summary>
internal static class HistoryFixtures
{
    public const string Slug = "/fastapi-vs-django-vs-flask";
    public const string Suite = "python-web-frameworks";
    public const string Reported = "bytepulse-2026-03";
    public const string Measured = "measured-2026-12-07";
    public const string Earlier = "measured-2026-11-27";
    public const string September = "measured-2026-09-01";
    public const string October = "measured-2026-10-01";
    public const string OtherSuite = "other-suite-2026-10-01";

    /// <summary>
    /// The scenario and metric pairs every seeded measured run has: each is a trend on a fresh site, and the fixture
    /// runs (json and db throughput) only lengthen two of them.
    /// </summary>
    public static int SeedTrends => TestSnapshots.MeasuredSeedDocuments()
        .Select(r => r.Results.Select(m => (m.Scenario, m.Metric)).ToHashSet())
        .Aggregate((a, b) => [.. a.Intersect(b)])
        .Count;

    public static string File(string id) => Path.Combine(FixturePaths.Root, "runs", id + ".json");

    /// <summary>Imports fixture runs into a running site's store and waits until its snapshot holds them.</summary>
    public static async Task ImportAsync(TestSite site, params string[] ids)
    {
        // The first request starts the site, which migrates and seeds its store.
        using (await site.CreateReader().GetAsync("/"))
        {
        }

        foreach (var id in ids)
        {
            var parsed = RunDocumentParser.Parse(await System.IO.File.ReadAllBytesAsync(File(id)));
            Assert.True(parsed.Succeeded, string.Join("; ", parsed.Problems));
            var outcome = await site.Get<RunImporter>().ImportAsync(parsed.Document!, CancellationToken.None);
            Assert.True(outcome.Succeeded, string.Join("; ", outcome.Problems));
        }

        var store = site.Get<ResultsStore>();
        await Eventually.TrueAsync(() => ids.All(id => store.Current?.RunsById.ContainsKey(id) == true));
    }
}
