using ComparisonSite.Content;
using ComparisonSite.Results.Store;

namespace ComparisonSite.Caching;

/// <summary>
/// Evicts cached pages when what they show changes: a content reload evicts the comparisons whose files
/// changed (and the listings), a results reload the comparisons whose cited runs changed. The
/// version in each cache key already keeps stale entries from being served; eviction frees their memory.
/// </summary>
internal sealed class CacheInvalidation(
    ContentLibrary content,
    ResultsStore results,
    PageCache cache,
    ILogger<CacheInvalidation> logger)
    : IHostedService, IDisposable
{
    private readonly Dictionary<string, string> _articleVersions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _dataVersions = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public Task StartAsync(CancellationToken cancellationToken)
    {
        Remember(content.Current, results.Current);
        content.Changed += OnContentChanged;
        results.Changed += OnResultsChanged;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void OnContentChanged(ContentSnapshot snapshot)
    {
        lock (_gate)
        {
            var slugs = snapshot.Comparisons.Keys.Union(_articleVersions.Keys).ToList();
            foreach (var slug in slugs)
            {
                var version = snapshot.Comparisons.TryGetValue(slug, out var article)
                    ? ContentVersion(article)
                    : null;
                if (version != _articleVersions.GetValueOrDefault(slug))
                {
                    Evict(PageVersions.ComparisonTag(slug));
                }
            }

            Evict(PageVersions.ListingTag);
            Remember(snapshot, null);
        }
    }

    private void OnResultsChanged(ResultsSnapshot snapshot)
    {
        lock (_gate)
        {
            foreach (var article in content.Current.Comparisons.Values)
            {
                var version = PageVersions.DataVersion(article, snapshot);
                if (version != _dataVersions.GetValueOrDefault(article.Slug))
                {
                    Evict(PageVersions.ComparisonTag(article.Slug));
                    _dataVersions[article.Slug] = version;
                }
            }

            Evict(PageVersions.ListingTag);
        }
    }

    private void Remember(ContentSnapshot contentSnapshot, ResultsSnapshot? resultsSnapshot)
    {
        _articleVersions.Clear();
        foreach (var article in contentSnapshot.Comparisons.Values)
        {
            _articleVersions[article.Slug] = ContentVersion(article);
            if (resultsSnapshot is not null)
            {
                _dataVersions[article.Slug] = PageVersions.DataVersion(article, resultsSnapshot);
            }
        }
    }

    // Its files and the related comparisons listed at its end: a related one's new title changes its page too.
    private string ContentVersion(ComparisonArticle article) =>
        PageVersions.ArticleVersion(article) + "|" + PageVersions.RelatedVersion(article, content.Published);

    private void Evict(string tag)
    {
        var evicted = cache.EvictByTag(tag);
        logger.LogDebug("Evicted {Count} cached pages tagged {Tag}", evicted, tag);
    }

    public void Dispose()
    {
        content.Changed -= OnContentChanged;
        results.Changed -= OnResultsChanged;
    }
}
