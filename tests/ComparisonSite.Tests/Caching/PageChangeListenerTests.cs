using ComparisonSite.Caching;
using ComparisonSite.Caching.Edge;

namespace ComparisonSite.Tests.Caching;

/// <summary>
/// The two consumers of one <see cref="PageChange"/>: the edge purge turns it into exactly the surrogate keys of
/// the pages it altered; a change that altered nothing purges nothing.
/// </summary>
public sealed class PageChangeListenerTests
{
    [Fact]
    public async Task A_changed_comparison_and_run_purge_their_keys_the_runs_suite_and_the_listings()
    {
        var queue = new PendingPurges();
        var change = new PageChange(
            7, "results", ["fastapi-vs-flask"], [new ChangedRun("python", "r2"), new ChangedRun("python", "r3")]);

        new EdgePurges(queue).OnPagesChanged(change);

        var purge = await FirstAsync(queue);
        Assert.Equal(7, purge.Change);
        Assert.Equal("results", purge.Cause);
        Assert.Equal(
            ["comparison:fastapi-vs-flask", "run:python:r2", "run:python:r3", "suite:python", "listing"],
            purge.Keys);
    }

    [Fact]
    public async Task A_change_that_altered_nothing_purges_nothing()
    {
        var queue = new PendingPurges();
        var purges = new EdgePurges(queue);

        purges.OnPagesChanged(new PageChange(1, "content", [], []));
        purges.OnPagesChanged(new PageChange(2, "content", ["a"], []));

        Assert.Equal(2, (await FirstAsync(queue)).Change);
    }

    private static async Task<PurgeRequest> FirstAsync(PendingPurges queue)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await foreach (var purge in queue.ReadAllAsync(timeout.Token))
        {
            return purge;
        }

        throw new InvalidOperationException("no purge was queued");
    }
}
