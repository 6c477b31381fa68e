using ComparisonSite.Figures;
using ComparisonSite.Figures.Calculator;
using ComparisonSite.Results.Import;
using ComparisonSite.Results.Store;

namespace ComparisonSite.Tests.Infrastructure;

/// <summary>
/// Results snapshots built in memory from real run documents, for rendering tests that need no database.
/// </summary>
internal static class TestSnapshots
{
    public static RunDocument SeedDocument() => RunDocumentParser.Parse(
        File.ReadAllBytes(SiteRoot.Locate(null).Combine("migrations/seed/bytepulse-2026-03.json"))).Document!;

    /// <summary>
    /// The current measured run committed beside the seed (migrations/seed/): the latest of the harness's full
    /// runs on the project's machine, which a fresh site shows beside the source's figures.
    /// </summary>
    public static RunDocument MeasuredSeedDocument() => MeasuredSeedDocuments()[^1];

    /// <summary>Every measured run committed beside the seed, oldest first: the current one and its history.</summary>
    public static IReadOnlyList<RunDocument> MeasuredSeedDocuments() =>
        [.. Directory.EnumerateFiles(SiteRoot.Locate(null).Combine("migrations/seed"), "*.json")
            .Select(f => RunDocumentParser.Parse(File.ReadAllBytes(f)).Document!)
            .Where(d => d.Run.Origin == RunOrigin.Measured)
            .OrderBy(d => d.Run.Date)];

    /// <summary>A measured run of the seed's suite (tests/…/Fixtures/imports/measured-fixture.json).</summary>
    public static RunDocument MeasuredFixture() => RunDocumentParser.Parse(
        File.ReadAllBytes(Path.Combine(FixturePaths.Root, "imports", "measured-fixture.json"))).Document!;

    public static ResultsSnapshot From(params RunDocument[] documents)
    {
        var runs = documents.Select(d => new RunResults(
            new StoredRun(d.Suite, d.Run, DateTimeOffset.UnixEpoch),
            [.. d.Results.Select(r => new Measurement(r.Framework, r.Scenario, r.Metric, r.Value, r.Samples))]))
            .ToList();
        var catalog = new StoredCatalog(
            documents.SelectMany(d => d.Frameworks).DistinctBy(f => f.Slug).ToDictionary(f => f.Slug),
            documents.SelectMany(d => d.Scenarios).DistinctBy(s => s.Slug).ToDictionary(s => s.Slug),
            documents.SelectMany(d => d.Metrics).DistinctBy(m => m.Slug).ToDictionary(m => m.Slug));
        return ResultsSnapshot.Create(catalog, runs, DateTimeOffset.UtcNow);
    }

    /// <summary>The article the figures appear in: the seed suite and its three frameworks unless told.</summary>
    public static FigureArticle Article(string suite = "python-web-frameworks", params string[] frameworks) =>
        new("test-comparison", suite, frameworks.Length > 0 ? frameworks : ["fastapi", "django", "flask"]);

    /// <summary>
    /// The seed's article as its front matter has it: unqualified references read the reported run; its calculator
    /// prices a server at <see cref="EntryVps"/>.
    /// </summary>
    public static FigureArticle ReportedArticle() =>
        Article() with { Origin = RunOrigin.Reported, ServerPrice = EntryVps };

    /// <summary>The seed article's price per server, as content/fastapi-vs-django-vs-flask/index.md gives it.</summary>
    public static readonly ServerPrice EntryVps =
        new("a 2-vCPU entry VPS or cloud instance", 20m, "Bytepulse", null, new DateOnly(2026, 3, 31));
}
