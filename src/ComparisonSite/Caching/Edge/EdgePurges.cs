namespace ComparisonSite.Caching.Edge;

/// <summary>
/// Turns each <see cref="PageChange"/> into the surrogate keys whose pages it altered and queues them for the
/// purgers: a comparison's key; a run's key and its suite's; the listings' key when anything changed (the home
/// page lists the latest runs, so a run no comparison cites still alters it). A change that altered nothing
/// purges nothing.
/// </summary>
internal sealed class EdgePurges(PendingPurges queue) : IPageChangeListener
{
    public void OnPagesChanged(PageChange change)
    {
        if (!change.AltersListings)
        {
            return;
        }

        var suites = change.Runs.Select(r => r.Suite).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        List<string> keys =
        [
            .. change.Comparisons.Select(SurrogateKeys.Comparison),
            .. change.Runs.Select(r => SurrogateKeys.Run(r.Suite, r.Id)),
            .. suites.Select(SurrogateKeys.Suite),
            SurrogateKeys.Listing,
        ];
        queue.Add(new PurgeRequest(change.Number, change.Cause, keys));
    }
}
