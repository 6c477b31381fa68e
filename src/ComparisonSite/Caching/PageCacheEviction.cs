namespace ComparisonSite.Caching;

/// <summary>
/// Frees the page cache's memory of pages a change altered. The version in each cache key already keeps stale
/// entries from being served; eviction only frees them.
/// </summary>
internal sealed class PageCacheEviction(PageCache cache, ILogger<PageCacheEviction> logger) : IPageChangeListener
{
    public void OnPagesChanged(PageChange change)
    {
        foreach (var slug in change.Comparisons)
        {
            Evict(PageVersions.ComparisonTag(slug));
        }

        // Unlike the edge's, the listings' cache key holds the snapshots' load times (PageVersions.ForListing), so
        // every swap leaves the old listing entries unreachable, changed or not: free them each time.
        Evict(PageVersions.ListingTag);
    }

    private void Evict(string tag)
    {
        var evicted = cache.EvictByTag(tag);
        logger.LogDebug("Evicted {Count} cached pages tagged {Tag}", evicted, tag);
    }
}
