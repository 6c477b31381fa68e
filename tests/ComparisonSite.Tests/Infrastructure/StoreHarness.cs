using ComparisonSite.Results;
using ComparisonSite.Results.Import;
using ComparisonSite.Results.Migrations;
using ComparisonSite.Results.Store;
using Dapper;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ComparisonSite.Tests.Infrastructure;

/// <summary>The store's real services wired to one test database, as the site and the verbs wire them.</summary>
internal sealed class StoreHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private StoreHarness(ServiceProvider services, string connectionString)
    {
        _services = services;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    public static async Task<StoreHarness> CreateAsync(
        string connectionString,
        bool migrate = true,
        bool seed = false,
        string? migrationsPath = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Results"] = connectionString,
            ["Results:MigrationsPath"] = migrationsPath ?? "migrations",
        }).Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton(SiteRoot.Locate(null))
            .AddResultsStore()
            .BuildServiceProvider();
        await services.GetRequiredService<ResultsDatabase>().StartAsync(CancellationToken.None);
        var harness = new StoreHarness(services, connectionString);
        if (migrate)
        {
            await harness.Get<MigrationRunner>().MigrateAsync(CancellationToken.None);
        }

        if (seed)
        {
            await harness.Get<SeedImporter>().SeedIfEmptyAsync(CancellationToken.None);
        }

        return harness;
    }

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    public async Task<long> CountAsync(string table)
    {
        await using var connection = await Get<NpgsqlDataSource>().OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>($"select count(*) from {table}");
    }

    /// <summary>
    /// Every row of the store's tables, as text: compares the whole store before and after a failed import.
    /// </summary>
    public async Task<string> DumpAsync()
    {
        await using var connection = await Get<NpgsqlDataSource>().OpenConnectionAsync();
        var parts = new List<string>();
        string[] tables = ["suites", "frameworks", "scenarios", "metrics", "runs", "measurements", "run_setups"];
        foreach (var table in tables)
        {
            var rows = await connection.QueryAsync<string>($"select t::text from {table} t order by 1");
            parts.Add(table + ": " + string.Join(" | ", rows));
        }

        return string.Join('\n', parts);
    }

    /// <summary>One stored run with its measurements, read by id whatever else the store holds.</summary>
    public async Task<RunResults> LoadRunAsync(string id)
    {
        await using var connection = await Get<NpgsqlDataSource>().OpenConnectionAsync();
        var runs = await Get<RunRepository>().LoadAllAsync(connection, CancellationToken.None);
        return runs.Single(r => r.Run.Id == id);
    }

    public async Task<ImportOutcome> ImportFileAsync(string path)
    {
        var parsed = RunDocumentParser.Parse(await File.ReadAllBytesAsync(path));
        return parsed.Succeeded
            ? await Get<RunImporter>().ImportAsync(parsed.Document!, CancellationToken.None)
            : new ImportOutcome(null, 0, parsed.Problems);
    }

    public async ValueTask DisposeAsync()
    {
        await Get<ResultsDatabase>().StopAsync(CancellationToken.None);
        await _services.DisposeAsync();
    }
}
