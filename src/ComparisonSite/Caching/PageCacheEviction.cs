namespace ComparisonSite.Caching;

/// <summary>
/// Frees the page cache's memory of pages a change altered. The version in each cache key already keeps stale
/// entries from being served; eviction only frees them, and keeps a page already rendered at the current version
/// (a request can reach the new snapshot before the change is told here).
/// </summary>
internal sealed class PageCacheEviction(PageCache cache, PageVersions versions, ILogger<PageCacheEviction> logger)
    : IPageChangeListener
{
    public void OnPagesChanged(PageChange change)
    {
        foreach (var slug in change.Comparisons)
        {
            Evict(PageVersions.ComparisonTag(slug), change.Versions.GetValueOrDefault(slug));
        }

        // Unlike the edge's, the listings' cache key holds the snapshots' load times (PageVersions.ForListing), so
        // every swap leaves the old listing entries unreachable, changed or not: free them each time.
        Evict(PageVersions.ListingTag, versions.ForListing());
    }

    private void Evict(string tag, string? currentVersion)
    {
        var evicted = cache.EvictByTag(tag, currentVersion);
        logger.LogDebug("Evicted {Count} cached pages tagged {Tag}", evicted, tag);
    }
}
