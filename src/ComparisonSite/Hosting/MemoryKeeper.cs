using System.Diagnostics;
using ComparisonSite.Articles;
using ComparisonSite.Caching;
using Microsoft.Extensions.Options;

namespace ComparisonSite.Hosting;

/// <summary>
/// Keeps the process inside its <see cref="MemoryBudget"/>, checking every <see cref="Period"/>:
/// <list type="bullet">
/// <item>After each full collection (blocking or background), it fits the caches to what the rest of the heap
/// leaves (<see cref="CacheRoom"/>): at 10,000 comparisons the content holds about 90 MB at readiness, and a fixed
/// half of the budget for the caches, whatever the content held, put the heap past the budget.</item>
/// <item>It gives memory the collector keeps but no longer needs back to the system. Rendering pages makes garbage
/// in large pieces (a page's HTML and its compressed copies, a parse of its Markdown), and evicted cache entries die
/// old: the collector keeps the memory they held for later allocations. Fetching all 10,000 pages, the memory
/// committed grew by 100 to 170 MB every 10 s over the 210 to 260 MB live. When it has grown by more than a quarter
/// of the budget beyond what was live after the last such collection, one aggressive collection returns what is
/// unused (at 10,000 comparisons a pause of 100 to 250 ms, logged). A site at rest, or serving from its page cache,
/// allocates little and is never collected this way.</item>
/// </list>
/// </summary>
internal sealed class MemoryKeeper(
    IOptions<MemoryBudget> budget,
    CacheRoom room,
    PageCache pages,
    ArticlePageRenderer renderer,
    ILogger<MemoryKeeper> logger) : BackgroundService
{
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(10);

    private long _liveAfterLast;
    private long _lastFullCollection;

    /// <summary>Whether the memory committed has outgrown the last live heap by more than the allowance.</summary>
    internal static bool ShouldGiveBack(long committed, long liveAfterLast, long allowance) =>
        committed - liveAfterLast > allowance;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            GiveBackWhenOutgrown();
            FitCaches();
        }
    }

    private void GiveBackWhenOutgrown()
    {
        var before = GC.GetGCMemoryInfo();
        var committed = before.TotalCommittedBytes;
        if (!ShouldGiveBack(committed, _liveAfterLast, budget.Value.Bytes / 4))
        {
            return;
        }

        // What each generation held after the last collection, for a reader of the log asking where it went.
        var generations = string.Join(
            " / ", before.GenerationInfo.ToArray().Select(g => (g.SizeAfterBytes + g.FragmentationAfterBytes) >> 20));

        var pause = Stopwatch.StartNew();
        MemoryBudget.GiveBackAfterBuild();
        var after = GC.GetGCMemoryInfo();
        _liveAfterLast = after.HeapSizeBytes;
        logger.LogDebug(
            "Gave back heap memory in {Milliseconds} ms: {BeforeMegabytes} MB committed (generations 0 / 1 / 2 / "
            + "large / pinned after the last collection: {Generations} MB), {AfterMegabytes} MB now, {LiveMegabytes} "
            + "MB live",
            pause.ElapsedMilliseconds,
            committed >> 20,
            generations,
            after.TotalCommittedBytes >> 20,
            after.HeapSizeBytes >> 20);
    }

    /// <summary>Resizes the caches' room from the last full collection, once per collection.</summary>
    internal void FitCaches()
    {
        var blocking = GC.GetGCMemoryInfo(GCKind.FullBlocking);
        var background = GC.GetGCMemoryInfo(GCKind.Background);
        var full = background.Index > blocking.Index ? background : blocking;
        if (full.Index == 0 || full.Index == _lastFullCollection)
        {
            return;
        }

        _lastFullCollection = full.Index;
        var cached = pages.Size + renderer.CachedBytes;
        if (room.Resize(full.HeapSizeBytes - full.FragmentedBytes, cached))
        {
            pages.Trim();
            renderer.TrimCache();
        }

        logger.LogDebug(
            "Cache room {RoomMegabytes} MB: {LiveMegabytes} MB live after the last full collection, {CachedMegabytes} "
            + "MB of it cached",
            room.Bytes >> 20, (full.HeapSizeBytes - full.FragmentedBytes) >> 20, cached >> 20);
    }
}
