using ComparisonSite.Hosting;

namespace ComparisonSite.Tests.Hosting;

/// <summary>When the memory keeper collects: the rule behind its collections.</summary>
public sealed class MemoryKeeperTests
{
    [Theory]
    // Collected once the memory committed has grown past the live heap after the last collection by more than
    // the allowance; not at the allowance itself, and not while it stays within.
    [InlineData(300, 150, 64, true)]
    [InlineData(214, 150, 64, false)]
    [InlineData(215, 150, 64, true)]
    [InlineData(100, 150, 64, false)]
    public void The_keeper_collects_when_committed_memory_outgrows_the_last_live_heap_by_the_allowance(
        long committed, long liveAfterLast, long allowance, bool collects) =>
        Assert.Equal(collects, MemoryKeeper.ShouldGiveBack(committed, liveAfterLast, allowance));
}
