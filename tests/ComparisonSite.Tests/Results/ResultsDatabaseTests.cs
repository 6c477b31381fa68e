using ComparisonSite.Results.Store;
using Dapper;
using Npgsql;

namespace ComparisonSite.Tests.Results;

public sealed class ResultsDatabaseTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    [Fact]
    public async Task Connections_skip_the_gss_encryption_probe_unless_the_connection_string_asks_for_it()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        await using var plain = await StoreHarness.CreateAsync(connectionString, migrate: false);
        await using var chosen = await StoreHarness.CreateAsync(
            connectionString + ";GSS Encryption Mode=Prefer", migrate: false);

        var plainSettings = new NpgsqlConnectionStringBuilder(plain.Get<NpgsqlDataSource>().ConnectionString);
        var chosenSettings = new NpgsqlConnectionStringBuilder(chosen.Get<NpgsqlDataSource>().ConnectionString);

        Assert.Equal(GssEncryptionMode.Disable, plainSettings.GssEncryptionMode);
        Assert.Equal(GssEncryptionMode.Prefer, chosenSettings.GssEncryptionMode);
        // The rewritten connection string still reaches the same database.
        await using var connection = await plain.Get<NpgsqlDataSource>().OpenConnectionAsync();
        Assert.Equal(
            new NpgsqlConnectionStringBuilder(connectionString).Database,
            await connection.ExecuteScalarAsync<string>("select current_database()"));
    }
}
