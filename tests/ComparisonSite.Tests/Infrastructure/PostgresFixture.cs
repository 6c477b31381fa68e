using ComparisonSite.Results.LocalServer;
using Npgsql;

namespace ComparisonSite.Tests.Infrastructure;

/// <summary>
/// One real PostgreSQL for the whole test run, started from the machine's server binaries by the same code
/// the site uses. Each test class works in a database of its own. If the binaries are missing this fails
/// loudly with the install instruction; it never skips.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private PrivateCluster _cluster = null!;

    public LocalPostgresCluster Cluster => _cluster.Server;

    public async Task InitializeAsync() => _cluster = await PrivateCluster.StartAsync("pg");

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

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
}
