using System.Collections.Concurrent;
using System.Globalization;
using ComparisonSite.Results.Import;

namespace ComparisonSite.Results.Store;

/// <summary>
/// The figures the site shows, held in memory: the catalogs, every run of every suite (with the latest of each
/// suite, and of each origin within it, worked out here and nowhere else) and the runs removed from the store.
/// Built by one load from PostgreSQL and swapped in whole; pages never query the store.
/// </summary>
public sealed record ResultsSnapshot
{
    /// <summary>A snapshot of these runs: the latest of each suite and origin found among them.</summary>
    public static ResultsSnapshot Create(
        StoredCatalog catalog,
        IReadOnlyList<RunResults> runs,
        DateTimeOffset loadedAt,
        IReadOnlyList<RemovedRun>? removed = null)
    {
        // Latest by date, then by import: a re-import of an older run's data does not make it the current one.
        static IOrderedEnumerable<RunResults> Newest(IEnumerable<RunResults> group) =>
            group.OrderByDescending(r => r.Run.Info.Date).ThenByDescending(r => r.Run.ImportStamp)
                .ThenBy(r => r.Run.Id, StringComparer.Ordinal);

        return new ResultsSnapshot
        {
            Frameworks = catalog.Frameworks,
            Scenarios = catalog.Scenarios,
            Metrics = catalog.Metrics,
            LatestBySuite = runs.GroupBy(r => r.Run.Suite, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => Newest(g).First(), StringComparer.Ordinal),
            LatestByOrigin = runs.GroupBy(r => (r.Run.Suite, r.Run.Info.Origin))
                .ToDictionary(g => g.Key, g => Newest(g).First()),
            RunsBySuite = runs.GroupBy(r => r.Run.Suite, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => (IReadOnlyList<RunResults>)[.. Newest(g)], StringComparer.Ordinal),
            RunsById = runs.ToDictionary(r => r.Run.Id, StringComparer.Ordinal),
            RemovedById = (removed ?? []).ToDictionary(r => r.Id, StringComparer.Ordinal),
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

    /// <summary>Every run in the store by id: the only place a run id from a URL or a reference is looked up.</summary>
    public required IReadOnlyDictionary<string, RunResults> RunsById { get; init; }

    /// <summary>Every run of each suite, newest first (by date, then import).</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<RunResults>> RunsBySuite { get; init; }

    /// <summary>Runs removed from the store (and not imported again), by id: their addresses answer 410.</summary>
    public required IReadOnlyDictionary<string, RemovedRun> RemovedById { get; init; }

    public required DateTimeOffset LoadedAt { get; init; }

    /// <summary>
    /// A version for a run: its id and precise import time, plus the catalog entries (names, units, direction
    /// words) its measurements use. Changes exactly when what a page citing the run shows could change: two imports
    /// within one second included, which the whole-second <see cref="StoredRun.ImportedAt"/> could not tell apart
    /// (the page cache then kept the first import's pages).
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
            $"{run.Run.Id}.{run.Run.ImportStamp}.{catalog}");
    }

    /// <summary>The slugs of one catalog a run's measurements use, in order.</summary>
    private static IEnumerable<string> Used(RunResults run, Func<Measurement, string> slug) =>
        run.Measurements.Select(slug).Distinct().Order(StringComparer.Ordinal);

    private static int Hash(IEnumerable<string?> values) =>
        string.Join('|', values).GetHashCode(StringComparison.Ordinal);

    /// <summary>Every run of a suite, newest first (by date, then import); empty for a suite with none.</summary>
    public IReadOnlyList<RunResults> RunsOf(string suite) => RunsBySuite.GetValueOrDefault(suite) ?? [];

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
