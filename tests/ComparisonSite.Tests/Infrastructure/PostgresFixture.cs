using ComparisonSite.Results.LocalServer;
using Npgsql;

namespace ComparisonSite.Tests.Infrastructure;

/// <summary>
/// One real PostgreSQL for the whole test run, started from the machine's server binaries by the same code
/// the site uses, on the first class that asks for it. Test classes run in parallel, each in a database of its
/// own on this one server (<c>IClassFixture&lt;PostgresFixture&gt;</c>). The server outlives every class and
/// is killed when the test process exits. If the binaries are missing this fails loudly with the install
/// instruction; it never skips.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private static readonly Lazy<Task<PrivateCluster>> Shared = new(StartSharedAsync);

    private PrivateCluster _cluster = null!;

    public LocalPostgresCluster Cluster => _cluster.Server;

    public async Task InitializeAsync() => _cluster = await Shared.Value;

    /// <summary>Nothing to do: other classes still use the server; it goes when the process does.</summary>
    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>A new empty database on the shared server; returns its connection string.</summary>
    public Task<string> CreateDatabaseAsync() => CreateDatabaseAsync(Cluster);

    public static async Task<string> CreateDatabaseAsync(LocalPostgresCluster cluster)
    {
        var name = "test_" + Guid.NewGuid().ToString("N")[..12];
        await using var connection = new NpgsqlConnection(cluster.AdminConnectionString());
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"create database {name}", connection);
        await create.ExecuteNonQueryAsync();
        return cluster.ConnectionString(name);
    }

    private static async Task<PrivateCluster> StartSharedAsync()
    {
        var cluster = await PrivateCluster.StartAsync("pg");
        // xunit v2 has no assembly-wide fixture, so the process exit stops the server. The handler is synchronous
        // by nature: it kills the postmaster (its backends follow) and deletes the folder, without waiting on tasks.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.KillAtExit();
        return cluster;
    }
}
