using ComparisonSite.Results.LocalServer;
using Npgsql;

namespace ComparisonSite.Tests.Faults;

/// <summary>
/// The private PostgreSQL after a crash or a container restart: a postmaster.pid that names some other live
/// process is stale, and a cluster whose site was killed is adopted and stopped by the next one.
/// </summary>
public sealed class PrivateClusterRecoveryTests : IAsyncLifetime
{
    private readonly PrivateCluster _cluster = PrivateCluster.InNewFolder("recover");

    private string PidFile => _cluster.PidFile;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task A_postmaster_pid_naming_a_live_process_that_is_not_our_postgres_is_treated_as_stale()
    {
        var first = await _cluster.StartInstanceAsync();
        var port = first.Port;
        await first.StopAsync(CancellationToken.None);
        using var sleeper = ToolProcess.Start(ToolProcess.StartInfo("sleep", ["60"]));
        try
        {
            // What a container restart leaves: the old pid file, its pid now some unrelated live process.
            await File.WriteAllLinesAsync(PidFile, [
                sleeper.Id.ToString(CultureInfo.InvariantCulture), _cluster.DataFolder, "1700000000",
                port.ToString(CultureInfo.InvariantCulture), string.Empty, "127.0.0.1", "  5432001  0", "ready",
            ]);

            var cluster = await _cluster.StartInstanceAsync();

            Assert.True(cluster.Owned, "the site joined a process that is not its PostgreSQL");
            Assert.Equal(1, await SelectOneAsync(cluster));
            await cluster.StopAsync(CancellationToken.None);
            Assert.False(File.Exists(PidFile), "the private PostgreSQL is still running");
        }
        finally
        {
            sleeper.Kill();
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("\0\0\0\0")]
    [InlineData("not a pid\nat all\n")]
    [InlineData("12ab\n/data\n1700000000\nport\n")]
    public async Task A_garbage_or_empty_postmaster_pid_with_no_postgres_on_the_folder_is_treated_as_stale(
        string garbage)
    {
        var first = await _cluster.StartInstanceAsync();
        await first.StopAsync(CancellationToken.None);
        // What a crash or a full disk can leave: a lock file PostgreSQL itself refuses to start over
        // ("lock file is empty", "bogus data in lock file"), while no postgres runs on the folder.
        await File.WriteAllTextAsync(PidFile, garbage);

        var cluster = await _cluster.StartInstanceAsync();

        Assert.True(cluster.Owned, "the site did not start its PostgreSQL over a stale lock file");
        Assert.Equal(1, await SelectOneAsync(cluster));
        await cluster.StopAsync(CancellationToken.None);
        Assert.False(File.Exists(PidFile), "the private PostgreSQL is still running");
    }

    [Fact]
    public async Task A_garbage_postmaster_pid_of_a_running_postgres_is_left_alone_and_the_server_joined()
    {
        var owner = await _cluster.StartInstanceAsync();
        var good = await File.ReadAllTextAsync(PidFile);
        await File.WriteAllTextAsync(PidFile, "garbage\n");
        try
        {
            // The server holds the folder: its lock file is not ours to remove, whatever it holds, and a second
            // server on the folder must not be started. The second instance fails with PostgreSQL's reason.
            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => _cluster.StartInstanceAsync());

            Assert.Contains("postmaster.pid", error.Message, StringComparison.Ordinal);
            Assert.Equal("garbage\n", await File.ReadAllTextAsync(PidFile));
        }
        finally
        {
            await File.WriteAllTextAsync(PidFile, good);
            await owner.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task A_second_live_instance_joins_without_taking_ownership()
    {
        var owner = await _cluster.StartInstanceAsync();

        var second = await _cluster.StartInstanceAsync();
        await second.StopAsync(CancellationToken.None);

        Assert.True(owner.Owned);
        Assert.False(second.Owned);
        Assert.Equal(owner.Port, second.Port);
        Assert.Equal(1, await SelectOneAsync(owner));
        await owner.StopAsync(CancellationToken.None);
        Assert.False(File.Exists(PidFile), "the owner did not stop its PostgreSQL");
    }

    [Fact]
    public async Task The_postgresql_of_a_killed_site_is_adopted_by_the_next_instance_and_stopped_on_shutdown()
    {
        var site = await SiteServer.StartAsync(
            string.Empty, new Dictionary<string, string> { ["Results__LocalClusterPath"] = _cluster.Folder });
        site.Kill();
        await site.DisposeAsync();
        Assert.True(File.Exists(PidFile), "the killed site's PostgreSQL should outlive it");

        var restarted = await _cluster.StartInstanceAsync();

        Assert.True(restarted.Owned, "the orphaned PostgreSQL was joined, not adopted");
        Assert.Equal(1, await SelectOneAsync(restarted));
        await restarted.StopAsync(CancellationToken.None);
        Assert.False(File.Exists(PidFile), "the adopted PostgreSQL was not stopped");
    }

    private static async Task<int> SelectOneAsync(LocalPostgresCluster cluster)
    {
        await using var connection = new NpgsqlConnection(cluster.AdminConnectionString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select 1", connection);
        return (int)(await command.ExecuteScalarAsync())!;
    }
}
