using System.Collections.Concurrent;

namespace ComparisonSite.Caching;

/// <summary>
/// The generated responses in memory, keyed by path, Accept-Encoding and the page's version (see
/// <see cref="PageCacheMiddleware"/>). Entries live an hour at most; a content or results change evicts the
/// entries of the pages it affects by tag. Past the size limit the cache starts over empty rather than
/// refuse new pages (its keys include the raw Accept-Encoding header, which a client can vary at will).
/// </summary>
internal sealed class PageCache(ILogger<PageCache> logger)
{
    public const long SizeLimit = 256L * 1024 * 1024;
    public const int MaximumBodySize = 8 * 1024 * 1024;
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    private readonly ConcurrentDictionary<string, CachedPage> _pages = new(StringComparer.Ordinal);
    private long _size;

    public int Count => _pages.Count;

    public bool TryGet(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out CachedPage? page)
    {
        if (_pages.TryGetValue(key, out page) && page.ExpiresAt > Environment.TickCount64)
        {
            return true;
        }

        page = null;
        return false;
    }

    public void Add(string key, CachedPage page)
    {
        if (Interlocked.Add(ref _size, page.Size) > SizeLimit)
        {
            logger.LogWarning("The page cache passed {Limit} bytes with {Count} entries; starting over empty", SizeLimit, _pages.Count);
            Clear();
            Interlocked.Add(ref _size, page.Size);
        }

        if (_pages.TryGetValue(key, out var replaced) && _pages.TryUpdate(key, page, replaced))
        {
            Interlocked.Add(ref _size, -replaced.Size);
        }
        else if (!_pages.TryAdd(key, page))
        {
            Interlocked.Add(ref _size, -page.Size);
        }
    }

    public int EvictByTag(string tag) => RemoveWhere(page => page.Tag == tag);

    private void Clear() => RemoveWhere(_ => true);

    private int RemoveWhere(Func<CachedPage, bool> match)
    {
        var removed = 0;
        foreach (var (key, page) in _pages)
        {
            if (match(page) && _pages.TryRemove(new KeyValuePair<string, CachedPage>(key, page)))
            {
                Interlocked.Add(ref _size, -page.Size);
                removed++;
            }
        }

        return removed;
    }
}
