using ComparisonSite.Results.Import;
using ComparisonSite.Results.Store;

namespace ComparisonSite.Tests.Results;

/// <summary>
/// An import refreshes the snapshot from what changed: the run it wrote is read again, every other run stays the
/// very object it was (with what was worked out from its measurements), and a removed run goes.
/// </summary>
public sealed class IncrementalSnapshotTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    private const string Reported = "bytepulse-2026-03";

    [Fact]
    public async Task A_reimport_reads_that_run_again_and_keeps_every_other_run_as_it_was()
    {
        await using var store = await StoreHarness.CreateAsync(await postgres.CreateDatabaseAsync(), seed: true);
        var results = store.Get<ResultsStore>();
        await results.ReloadAsync(CancellationToken.None);
        var before = results.Current!.RunsById;
        Assert.True(before.Count > 1, "the seed has a reported and a measured run");

        var seed = TestSnapshots.SeedDocument();
        var changed = seed with { Results = [.. seed.Results.Select(r => r with { Value = r.Value + 1 })] };
        Assert.True((await store.Get<RunImporter>().ImportAsync(changed, CancellationToken.None)).Succeeded);
        await results.ReloadAsync(CancellationToken.None);
        var after = results.Current!.RunsById;

        Assert.NotSame(before[Reported], after[Reported]);
        Assert.Equal(
            before[Reported].Measurements.Select(m => m.Value + 1),
            after[Reported].Measurements.Select(m => m.Value));
        Assert.All(before.Keys.Where(id => id != Reported), id => Assert.Same(before[id], after[id]));
        // The same snapshot as a reload from scratch.
        await using var connection = await OpenAsync(store);
        var fresh = await store.Get<RunRepository>().LoadAllAsync(connection, CancellationToken.None);
        Assert.Equal(
            fresh.OrderBy(r => r.Run.Id, StringComparer.Ordinal).Select(r => (r.Run.Id, r.Measurements.Count)),
            after.Values.OrderBy(r => r.Run.Id, StringComparer.Ordinal).Select(r => (r.Run.Id, r.Measurements.Count)));
    }

    [Fact]
    public async Task A_removed_run_leaves_the_snapshot_and_the_others_stay()
    {
        await using var store = await StoreHarness.CreateAsync(await postgres.CreateDatabaseAsync(), seed: true);
        var results = store.Get<ResultsStore>();
        await results.ReloadAsync(CancellationToken.None);
        var before = results.Current!.RunsById;

        Assert.NotNull(await store.Get<RunRemover>().RemoveAsync(Reported, CancellationToken.None));
        await results.ReloadAsync(CancellationToken.None);

        Assert.False(results.Current!.RunsById.ContainsKey(Reported));
        Assert.True(results.Current.RemovedById.ContainsKey(Reported));
        Assert.All(results.Current.RunsById, r => Assert.Same(before[r.Key], r.Value));
    }

    private static async Task<Npgsql.NpgsqlConnection> OpenAsync(StoreHarness store)
    {
        var connection = new Npgsql.NpgsqlConnection(store.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }
}
