using System.Threading.Channels;
using ComparisonSite.Content;
using ComparisonSite.Results.Store;
using Microsoft.AspNetCore.OutputCaching;

namespace ComparisonSite.Caching;

/// <summary>
/// Evicts cached pages when what they show changes: a content reload evicts the comparisons whose files
/// changed (and the listings), a results reload the comparisons whose cited runs changed. The
/// version in each cache key already keeps stale entries from being served; eviction frees their memory.
/// </summary>
internal sealed class CacheInvalidation(ContentLibrary content, ResultsStore results, IOutputCacheStore cache, ILogger<CacheInvalidation> logger) : BackgroundService
{
    private readonly Channel<string> _tags = Channel.CreateUnbounded<string>();
    private readonly Dictionary<string, string> _articleVersions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _dataVersions = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        Remember(content.Current, results.Current);
        content.Changed += OnContentChanged;
        results.Changed += OnResultsChanged;
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var tag in _tags.Reader.ReadAllAsync(stoppingToken))
        {
            await cache.EvictByTagAsync(tag, stoppingToken);
            logger.LogDebug("Evicted cached pages tagged {Tag}", tag);
        }
    }

    private void OnContentChanged(ContentSnapshot snapshot)
    {
        lock (_gate)
        {
            var slugs = snapshot.Comparisons.Keys.Union(_articleVersions.Keys).ToList();
            foreach (var slug in slugs)
            {
                var version = snapshot.Comparisons.TryGetValue(slug, out var article) ? PageVersions.ArticleVersion(article) : null;
                if (version != _articleVersions.GetValueOrDefault(slug))
                {
                    _tags.Writer.TryWrite(PageVersions.ComparisonTag(slug));
                }
            }

            _tags.Writer.TryWrite(PageVersions.ListingTag);
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
                    _tags.Writer.TryWrite(PageVersions.ComparisonTag(article.Slug));
                    _dataVersions[article.Slug] = version;
                }
            }

            _tags.Writer.TryWrite(PageVersions.ListingTag);
        }
    }

    private void Remember(ContentSnapshot contentSnapshot, ResultsSnapshot? resultsSnapshot)
    {
        _articleVersions.Clear();
        foreach (var article in contentSnapshot.Comparisons.Values)
        {
            _articleVersions[article.Slug] = PageVersions.ArticleVersion(article);
            if (resultsSnapshot is not null)
            {
                _dataVersions[article.Slug] = PageVersions.DataVersion(article, resultsSnapshot);
            }
        }
    }

    public override void Dispose()
    {
        content.Changed -= OnContentChanged;
        results.Changed -= OnResultsChanged;
        base.Dispose();
    }
}

public static class CachingRegistration
{
    public static IServiceCollection AddSiteOutputCache(this IServiceCollection services)
    {
        services.AddOutputCache(options =>
        {
            options.SizeLimit = 256L * 1024 * 1024;
            options.MaximumBodySize = 8L * 1024 * 1024;
            options.AddPolicy(SiteCachePolicy.Name, new SiteCachePolicy());
        });
        services.AddSingleton<PageVersions>();
        services.AddHostedService<CacheInvalidation>();
        return services;
    }
}
