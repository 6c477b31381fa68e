using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace ComparisonSite.Caching;

/// <summary>
/// The generated responses in memory, keyed by path, negotiated encoding and the page's version (see
/// <see cref="PageCacheMiddleware"/>). Entries live an hour at most; a content or results change evicts the
/// entries of the pages it affects by tag. Everything an entry holds (body, headers, key) counts against the
/// size bound; past it the least recently used entries are evicted until a tenth of the bound is free, so
/// readers of the pages in use keep their entries.
/// </summary>
internal sealed class PageCache
{
    public const long SizeLimit = 256L * 1024 * 1024;

    /// <summary>
    /// The largest body kept. Above the downloads of a run of <see cref="Results.Import.RunImporter"/>'s bounded
    /// size with names of ordinary length (100,000 measurements: 16.5 MB of JSON and 21 MB of CSV uncompressed,
    /// 0.4 MB gzipped, in bench/memory-floods.sh), so each is built once per version and encoding.
    /// </summary>
    public const int MaximumBodySize = 32 * 1024 * 1024;

    /// <summary>
    /// The largest uncompressed HTML page kept. Browsers and crawlers ask for br or gzip; a client that declines
    /// compression gets a large page (a run's part, about 1.4 MB) rendered afresh, which the page budget bounds
    /// (<see cref="SiteOptions.MeasurementsPerPage"/>: about 0.1 s), rather than a copy eight times the size of the
    /// compressed one held for an hour. Downloads are no pages: a run's CSV is built once in every encoding.
    /// </summary>
    public const int MaximumUncompressedPageSize = 256 * 1024;

    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    // What an entry holds besides its bytes and text: the dictionary node, the entry, the page and its header
    // array, with their object headers (measured roughly with GC.GetAllocatedBytesForCurrentThread).
    private const int EntryOverhead = 320;

    private readonly ILogger<PageCache> _logger;
    private readonly Func<long> _sizeLimit;
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Lock _evicting = new();
    private long _size;
    private long _misses;

    /// <param name="logger">Where eviction is reported.</param>
    /// <param name="sizeLimit">The bound, in bytes, read at each addition: the page cache's share of the
    /// <see cref="CacheRoom"/>, which moves with the content.</param>
    public PageCache(ILogger<PageCache> logger, Func<long> sizeLimit)
    {
        _logger = logger;
        _sizeLimit = sizeLimit;
    }

    /// <summary>A page cache of a fixed bound (<see cref="SizeLimit"/> where none is given).</summary>
    public PageCache(ILogger<PageCache> logger, long sizeLimit = SizeLimit)
        : this(logger, () => sizeLimit)
    {
    }

    public int Count => _entries.Count;

    /// <summary>What the entries hold, in bytes, as counted against the bound.</summary>
    public long Size => Interlocked.Read(ref _size);

    /// <summary>How many lookups found no live entry: for tests and diagnostics.</summary>
    public long Misses => Interlocked.Read(ref _misses);

    public bool TryGet(string key, [NotNullWhen(true)] out CachedPage? page)
    {
        var now = Environment.TickCount64;
        if (_entries.TryGetValue(key, out var entry) && entry.Page.ExpiresAt > now)
        {
            entry.LastHit = now;
            page = entry.Page;
            return true;
        }

        Interlocked.Increment(ref _misses);
        page = null;
        return false;
    }

    public void Add(string key, CachedPage page)
    {
        var entry = new Entry(page, SizeOf(key, page)) { LastHit = Environment.TickCount64 };
        if (entry.Size > _sizeLimit() / 2)
        {
            // One entry may never take most of the cache from every other page.
            return;
        }

        while (true)
        {
            if (_entries.TryAdd(key, entry))
            {
                Interlocked.Add(ref _size, entry.Size);
                break;
            }

            if (_entries.TryGetValue(key, out var replaced) && _entries.TryUpdate(key, entry, replaced))
            {
                Interlocked.Add(ref _size, entry.Size - replaced.Size);
                break;
            }
        }

        if (Size > _sizeLimit())
        {
            EvictLeastRecentlyUsed(entry);
        }
    }

    /// <summary>Evicts down to the bound, after it shrank.</summary>
    public void Trim()
    {
        if (Size > _sizeLimit())
        {
            EvictLeastRecentlyUsed(added: null);
        }
    }

    /// <summary>
    /// Removes the pages tagged <paramref name="tag"/> but those rendered at <paramref name="currentVersion"/>: a
    /// request can see a new snapshot, and render and keep its page, before the change is told to the listeners.
    /// </summary>
    public int EvictByTag(string tag, string? currentVersion = null) =>
        RemoveWhere(entry => entry.Page.Tag == tag && entry.Page.Version != currentVersion);

    /// <summary>The key's characters (UTF-16), the page's bytes and header text, and the entry's objects.</summary>
    public static long SizeOf(string key, CachedPage page) => EntryOverhead + (2L * key.Length) + page.Size;

    /// <summary>
    /// Expired entries first, then the least recently used, until a tenth of the bound is free; never the entry
    /// just added. In one pass over a sorted copy, as the bound is reached seldom (tens of thousands of pages).
    /// </summary>
    private void EvictLeastRecentlyUsed(Entry? added)
    {
        lock (_evicting)
        {
            var sizeLimit = _sizeLimit();
            if (Size <= sizeLimit)
            {
                return;
            }

            var target = sizeLimit - (sizeLimit / 10);
            var now = Environment.TickCount64;
            var candidates = _entries.ToArray();
            Array.Sort(candidates, (a, b) => Age(a.Value).CompareTo(Age(b.Value)));
            var evicted = 0;
            foreach (var candidate in candidates)
            {
                if (Size <= target)
                {
                    break;
                }

                if (!ReferenceEquals(candidate.Value, added) && _entries.TryRemove(candidate))
                {
                    Interlocked.Add(ref _size, -candidate.Value.Size);
                    evicted++;
                }
            }

            _logger.LogInformation(
                "The page cache reached {Limit} bytes; evicted the {Evicted} least recently used of {Count} entries",
                sizeLimit,
                evicted,
                candidates.Length);

            long Age(Entry entry) => entry.Page.ExpiresAt <= now ? long.MinValue : entry.LastHit;
        }
    }

    private int RemoveWhere(Func<Entry, bool> match)
    {
        var removed = 0;
        foreach (var pair in _entries)
        {
            if (match(pair.Value) && _entries.TryRemove(pair))
            {
                Interlocked.Add(ref _size, -pair.Value.Size);
                removed++;
            }
        }

        return removed;
    }

    private sealed class Entry(CachedPage page, long size)
    {
        public CachedPage Page { get; } = page;

        public long Size { get; } = size;

        /// <summary>In <see cref="Environment.TickCount64"/> ms; written by every hit (a race is harmless).</summary>
        public long LastHit { get; set; }
    }
}
