namespace ComparisonSite.Caching;

/// <summary>
/// What one content or results swap (or an age limit passed) altered: the comparisons whose pages show
/// something new, and the runs imported, re-imported or removed. Published by <see cref="PageChanges"/> to every
/// <see cref="IPageChangeListener"/>: the page cache evicts by it, the edge purger purges by it.
/// </summary>
/// <param name="Number">Counts the changes of this instance, for the logs.</param>
/// <param name="Cause">What was swapped: "content", "results" or "age limits".</param>
/// <param name="Comparisons">The slugs whose pages changed, appeared or went.</param>
/// <param name="Runs">The runs that changed, appeared or went.</param>
public sealed record PageChange(
    long Number, string Cause, IReadOnlyList<string> Comparisons, IReadOnlyList<ChangedRun> Runs)
{
    /// <summary>
    /// The version (<see cref="PageVersions.ForComparison"/>) each changed comparison's pages show now, as the
    /// change was worked out from; none for a comparison that went.
    /// </summary>
    public IReadOnlyDictionary<string, string> Versions { get; init; } =
        new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// The listings (home, tags, sitemap, feed) show every comparison and the latest runs, so any change alters
    /// them.
    /// </summary>
    public bool AltersListings => Comparisons.Count > 0 || Runs.Count > 0;
}

/// <summary>A run that appeared, changed or went, with the suite it belongs (or belonged) to.</summary>
public readonly record struct ChangedRun(string Suite, string Id);

/// <summary>
/// Takes each <see cref="PageChange"/>; called inside the snapshot swap, so it must not wait or throw.
/// </summary>
public interface IPageChangeListener
{
    void OnPagesChanged(PageChange change);
}
