namespace ComparisonSite.Results.Sync;

/// <summary>
/// The runs that content pins by id (run=ID), which the snapshot holds besides each suite's latest run. Results
/// asks; the content side answers (Content/ContentPinnedRuns.cs), so the sync need not know how articles cite.
/// </summary>
public interface IPinnedRunSource
{
    /// <summary>Raised with the pinned ids after each content reload.</summary>
    event Action<IReadOnlySet<string>>? Changed;

    /// <summary>The pinned ids, once the start-up content load is in.</summary>
    Task<IReadOnlySet<string>> GetAsync(CancellationToken cancellationToken);
}
