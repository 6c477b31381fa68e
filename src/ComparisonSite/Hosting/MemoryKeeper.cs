using Microsoft.Extensions.Options;

namespace ComparisonSite.Hosting;

/// <summary>
/// Gives memory the collector keeps but no longer needs back to the system. Rendering pages makes garbage in large
/// pieces (a page's HTML and its compressed copies, a parse of its Markdown), and evicted cache entries die old:
/// the collector keeps the memory they held for later allocations. At 3,000 comparisons, after every page was
/// fetched once, 305 MB of the process's anonymous memory held 150 MB of live objects. Every
/// <see cref="Period"/>, when the memory committed has grown by more than a quarter of the
/// <see cref="MemoryBudget"/> beyond what was live after the last such collection, one aggressive collection
/// returns what is unused (a pause of tens of milliseconds per hundred megabytes live). A site at rest, or serving
/// from its page cache, allocates little, and is never collected this way.
/// </summary>
internal sealed class MemoryKeeper(IOptions<MemoryBudget> budget, ILogger<MemoryKeeper> logger) : BackgroundService
{
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(10);

    private long _liveAfterLast;

    /// <summary>Whether the memory committed has outgrown the last live heap by more than the allowance.</summary>
    internal static bool ShouldGiveBack(long committed, long liveAfterLast, long allowance) =>
        committed - liveAfterLast > allowance;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var committed = GC.GetGCMemoryInfo().TotalCommittedBytes;
            if (!ShouldGiveBack(committed, _liveAfterLast, budget.Value.Bytes / 4))
            {
                continue;
            }

            MemoryBudget.GiveBackAfterBuild();
            var after = GC.GetGCMemoryInfo();
            _liveAfterLast = after.HeapSizeBytes;
            logger.LogDebug(
                "Gave back heap memory: {BeforeMegabytes} MB committed, {AfterMegabytes} MB now, {LiveMegabytes} MB "
                + "live",
                committed >> 20, after.TotalCommittedBytes >> 20, after.HeapSizeBytes >> 20);
        }
    }
}
