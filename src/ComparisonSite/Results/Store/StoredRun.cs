using ComparisonSite.Results.Import;

namespace ComparisonSite.Results.Store;

/// <summary>A run as the store holds it: its provenance plus when it was imported and when its data changed.</summary>
public sealed record StoredRun(string Suite, RunInfo Info, DateTimeOffset ImportedAt)
{
    /// <summary>
    /// When the run's content (fields and measurements) last changed: what pages date themselves by. A re-import
    /// of identical data keeps it; a seeded run has its own date. The import time unless given.
    /// </summary>
    public DateTimeOffset ChangedAt { get; init; } = ImportedAt;

    /// <summary>
    /// The import time as precisely as the store keeps it (microseconds), where <see cref="ImportedAt"/> is cut to
    /// the whole seconds pages and HTTP dates show: what tells two imports of one run apart when they land within
    /// the same second, so each moves the run's version (<see cref="ResultsSnapshot.RunVersion"/>).
    /// </summary>
    public long ImportStamp { get; init; } = ImportedAt.UtcTicks;

    public string Id => Info.Id;

    public bool IsReported => Info.Origin == RunOrigin.Reported;
}

/// <summary>One figure of a run.</summary>
public sealed record Measurement(
    string Framework, string Scenario, string Metric, double Value, IReadOnlyList<double>? Samples);

/// <summary>A line of the <c>runs</c> listing.</summary>
public sealed record RunSummary(
    string Suite,
    string Id,
    string Title,
    DateOnly Date,
    RunOrigin Origin,
    int Measurements,
    DateTimeOffset ImportedAt);

/// <summary>
/// A run taken out of the store with <c>runs remove</c>: its address answers 410 Gone, naming it, until a run with
/// the same id is imported again.
/// </summary>
public sealed record RemovedRun(string Id, string Suite, string Title, DateTimeOffset RemovedAt);
