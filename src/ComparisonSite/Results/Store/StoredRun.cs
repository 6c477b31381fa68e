using ComparisonSite.Results.Import;

namespace ComparisonSite.Results.Store;

/// <summary>A run as the store holds it: its provenance plus when it was imported.</summary>
public sealed record StoredRun(string Suite, RunInfo Info, DateTimeOffset ImportedAt)
{
    public string Id => Info.Id;

    public bool IsReported => Info.Origin == RunOrigin.Reported;
}

/// <summary>One figure of a run.</summary>
public sealed record Measurement(string Framework, string Scenario, string Metric, double Value, IReadOnlyList<double>? Samples);

/// <summary>A line of the <c>runs</c> listing.</summary>
public sealed record RunSummary(
    string Suite,
    string Id,
    string Title,
    DateOnly Date,
    RunOrigin Origin,
    int Measurements,
    DateTimeOffset ImportedAt);
