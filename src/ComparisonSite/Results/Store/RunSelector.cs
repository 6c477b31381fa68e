using ComparisonSite.Results.Import;

namespace ComparisonSite.Results.Store;

/// <summary>
/// Which run of a suite a figure reads: one pinned by id (<c>run=ID</c>), the latest of an origin
/// (<c>origin=measured</c>), or, when both are null, the suite's latest run of any origin.
/// </summary>
public readonly record struct RunSelector(string? RunId = null, RunOrigin? Origin = null)
{
    /// <summary>This selector, or the article's default origin when it names neither a run nor an origin.</summary>
    public RunSelector Or(RunOrigin? articleOrigin) =>
        RunId is null && Origin is null ? new RunSelector(Origin: articleOrigin) : this;
}
