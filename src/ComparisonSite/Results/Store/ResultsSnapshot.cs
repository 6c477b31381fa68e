using System.Collections.Concurrent;
using System.Globalization;
using ComparisonSite.Results.Import;

namespace ComparisonSite.Results.Store;

/// <summary>
/// The figures the site shows, held in memory: the catalogs, the latest run of every suite (and of each origin
/// within it) and any run pinned by id. Built by one load from PostgreSQL and swapped in whole; pages never query
/// the store.
/// </summary>
public sealed record ResultsSnapshot
{
    /// <summary>A snapshot of these runs: the latest of each suite and origin found among them.</summary>
    public static ResultsSnapshot Create(StoredCatalog catalog, IReadOnlyList<RunResults> runs, DateTimeOffset loadedAt)
    {
        // Latest by date, then by import: a re-import of an older run's data does not make it the current one.
        static RunResults Latest(IEnumerable<RunResults> group) =>
            group.OrderByDescending(r => r.Run.Info.Date).ThenByDescending(r => r.Run.ImportedAt).First();

        return new ResultsSnapshot
        {
            Frameworks = catalog.Frameworks,
            Scenarios = catalog.Scenarios,
            Metrics = catalog.Metrics,
            LatestBySuite = runs.GroupBy(r => r.Run.Suite, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, Latest, StringComparer.Ordinal),
            LatestByOrigin = runs.GroupBy(r => (r.Run.Suite, r.Run.Info.Origin))
                .ToDictionary(g => g.Key, Latest),
            RunsById = runs.ToDictionary(r => r.Run.Id, StringComparer.Ordinal),
            LoadedAt = loadedAt,
        };
    }

    public required IReadOnlyDictionary<string, Framework> Frameworks { get; init; }
    public required IReadOnlyDictionary<string, Scenario> Scenarios { get; init; }
    public required IReadOnlyDictionary<string, Metric> Metrics { get; init; }

    /// <summary>The current run of each suite: latest date, then latest import.</summary>
    public required IReadOnlyDictionary<string, RunResults> LatestBySuite { get; init; }

    /// <summary>The latest run of each origin within a suite: what <c>origin=measured</c> reads.</summary>
    public required IReadOnlyDictionary<(string Suite, RunOrigin Origin), RunResults> LatestByOrigin { get; init; }

    /// <summary>Every run in the snapshot (the latest ones and the pinned ones) by id.</summary>
    public required IReadOnlyDictionary<string, RunResults> RunsById { get; init; }

    public required DateTimeOffset LoadedAt { get; init; }

    /// <summary>
    /// A version for a run: its id and import time, plus the catalog entries (names, units, direction words)
    /// its measurements use. Changes exactly when what a page citing the run shows could change.
    /// </summary>
    public string RunVersion(RunResults run) => _runVersions.GetOrAdd(run.Run.Id, _ => ComputeRunVersion(run));

    private readonly ConcurrentDictionary<string, string> _runVersions = new(StringComparer.Ordinal);

    private string ComputeRunVersion(RunResults run)
    {
        var catalog = HashCode.Combine(
            Hash(Used(run, m => m.Framework).Select(f => Frameworks.GetValueOrDefault(f)?.ToString())),
            Hash(Used(run, m => m.Scenario).Select(s => Scenarios.GetValueOrDefault(s)?.ToString())),
            Hash(Used(run, m => m.Metric).Select(m => Metrics.GetValueOrDefault(m)?.ToString())));
        return string.Create(CultureInfo.InvariantCulture,
            $"{run.Run.Id}.{run.Run.ImportedAt.Ticks}.{catalog}");
    }

    /// <summary>The slugs of one catalog a run's measurements use, in order.</summary>
    private static IEnumerable<string> Used(RunResults run, Func<Measurement, string> slug) =>
        run.Measurements.Select(slug).Distinct().Order(StringComparer.Ordinal);

    private static int Hash(IEnumerable<string?> values) =>
        string.Join('|', values).GetHashCode(StringComparison.Ordinal);

    /// <summary>
    /// A suite's runs in the snapshot, newest first (by date, then import), as the current run is chosen.
    /// </summary>
    public IReadOnlyList<RunResults> RunsOf(string suite) =>
        _runsOf.GetOrAdd(suite, s => [.. RunsById.Values.Where(r => r.Run.Suite == s)
            .OrderByDescending(r => r.Run.Info.Date).ThenByDescending(r => r.Run.ImportedAt)
            .ThenBy(r => r.Run.Id, StringComparer.Ordinal)]);

    private readonly ConcurrentDictionary<string, IReadOnlyList<RunResults>> _runsOf = new(StringComparer.Ordinal);

    /// <summary>
    /// The run a selector names in a suite: the one pinned by id, else the latest of the origin, else the suite's
    /// latest.
    /// </summary>
    public RunResults? RunFor(string suite, RunSelector selector = default) =>
        selector.RunId is { } id ? RunsById.GetValueOrDefault(id)
        : selector.Origin is { } origin ? LatestByOrigin.GetValueOrDefault((suite, origin))
        : LatestBySuite.GetValueOrDefault(suite);
}

/// <summary>A run with its measurements, indexed for lookups by framework, scenario and metric.</summary>
public sealed class RunResults(StoredRun run, IReadOnlyList<Measurement> measurements)
{
    private readonly Dictionary<(string, string, string), Measurement> _index =
        measurements.ToDictionary(m => (m.Framework, m.Scenario, m.Metric));

    public StoredRun Run { get; } = run;

    public IReadOnlyList<Measurement> Measurements { get; } = measurements;

    public Measurement? Find(string framework, string scenario, string metric) =>
        _index.GetValueOrDefault((framework, scenario, metric));
}
