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
    private const string SeededTemplate = "seeded_template";
    private static readonly Lazy<Task<PrivateCluster>> Shared = new(StartSharedAsync);
    private static readonly Lazy<Task> Seeded = new(CreateSeededTemplateAsync);

    private PrivateCluster _cluster = null!;

    public LocalPostgresCluster Cluster => _cluster.Server;

    public async Task InitializeAsync() => _cluster = await Shared.Value;

    /// <summary>Nothing to do: other classes still use the server; it goes when the process does.</summary>
    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>A new empty database on the shared server; returns its connection string.</summary>
    public Task<string> CreateDatabaseAsync() => CreateDatabaseAsync(Cluster);

    /// <summary>
    /// A new database holding what a site's first start leaves in an empty one: the schema migrated and the seed
    /// runs imported. It is a copy of a template made once per test run by the same code (the store's
    /// MigrationRunner and SeedImporter, through <see cref="StoreHarness"/>), which spares each site the
    /// migration and seed import; tests of that first start itself use <see cref="CreateDatabaseAsync()"/>.
    /// </summary>
    public async Task<string> CreateSeededDatabaseAsync()
    {
        await Seeded.Value;
        return await CreateDatabaseAsync(Cluster, SeededTemplate);
    }

    public static async Task<string> CreateDatabaseAsync(LocalPostgresCluster cluster, string template = "template1")
    {
        var name = "test_" + Guid.NewGuid().ToString("N")[..12];
        await using var connection = new NpgsqlConnection(cluster.AdminConnectionString());
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"create database {name} template {template}", connection);
        await create.ExecuteNonQueryAsync();
        return cluster.ConnectionString(name);
    }

    private static async Task CreateSeededTemplateAsync()
    {
        var cluster = (await Shared.Value).Server;
        await using (var connection = new NpgsqlConnection(cluster.AdminConnectionString()))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"create database {SeededTemplate}", connection);
            await create.ExecuteNonQueryAsync();
        }

        // No pooling: a database is copied only while nobody is connected to it.
        var template = new NpgsqlConnectionStringBuilder(cluster.ConnectionString(SeededTemplate)) { Pooling = false };
        await using var store = await StoreHarness.CreateAsync(template.ConnectionString, seed: true);
    }

    private static async Task<PrivateCluster> StartSharedAsync()
    {
        PrivateCluster.SweepStaleFolders();
        var cluster = await PrivateCluster.StartAsync(PrivateCluster.SharedPrefix);
        // xunit v2 has no assembly-wide fixture, so the process exit stops the server. The handler is synchronous
        // by nature: it kills the postmaster (its backends follow) and deletes the folder, without waiting on tasks.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.KillAtExit();
        return cluster;
    }
}
