using Microsoft.Extensions.Options;

namespace ComparisonSite;

/// <summary>
/// What the two caches may hold now, inside the process's <see cref="MemoryBudget"/>: the budget less what the rest
/// of the managed heap holds (each comparison's front matter and references, the search index, the results
/// snapshot, the runtime's own objects), as live after the last full collection. Half the budget at most, which is
/// what a small site gets; <see cref="MinimumBytes"/> at least, so a site whose content alone fills the budget still
/// keeps its most read pages (and goes over the budget) rather than rendering every request. The page cache takes
/// <see cref="PageCacheShare"/> of the room and the render cache the rest. The <c>MemoryKeeper</c> resizes it.
/// </summary>
public sealed class CacheRoom
{
    public const long MinimumBytes = 16L * 1024 * 1024;

    public const double PageCacheShare = 0.8;

    private readonly long _budget;
    private long _bytes;

    public CacheRoom(IOptions<MemoryBudget> budget)
        : this(budget.Value.Bytes)
    {
    }

    public CacheRoom(long budgetBytes)
    {
        _budget = budgetBytes;
        _bytes = budgetBytes / 2;
    }

    public long Bytes => Interlocked.Read(ref _bytes);

    public long PageCacheBytes => (long)(Bytes * PageCacheShare);

    public long RenderCacheBytes => Bytes - PageCacheBytes;

    /// <summary>
    /// Sets the room from the heap live after a full collection, of which the caches held
    /// <paramref name="cachedBytes"/> (their own estimate). Returns whether the room shrank: the caches then evict
    /// down to it.
    /// </summary>
    public bool Resize(long liveBytes, long cachedBytes)
    {
        var rest = Math.Max(0, liveBytes - cachedBytes);
        var room = Math.Clamp(_budget - rest, MinimumBytes, Math.Max(MinimumBytes, _budget / 2));
        return Interlocked.Exchange(ref _bytes, room) > room;
    }
}
