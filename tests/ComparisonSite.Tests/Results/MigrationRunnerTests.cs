using ComparisonSite.Results.Migrations;
using Dapper;
using Npgsql;

namespace ComparisonSite.Tests.Results;

public sealed class MigrationRunnerTests(PostgresFixture postgres) : IDisposable, IClassFixture<PostgresFixture>
{
    private readonly string _migrations = Path.Combine(
        Path.GetTempPath(), "comparisonsite-tests", "migrations-" + Guid.NewGuid().ToString("N")[..8]);

    public void Dispose()
    {
        if (Directory.Exists(_migrations))
        {
            Directory.Delete(_migrations, recursive: true);
        }
    }

    [Fact]
    public async Task Migrates_an_empty_database_from_zero_and_a_rerun_applies_nothing()
    {
        await using var store = await StoreHarness.CreateAsync(await postgres.CreateDatabaseAsync(), migrate: false);
        var runner = store.Get<MigrationRunner>();

        var first = await runner.MigrateAsync(CancellationToken.None);
        var second = await runner.MigrateAsync(CancellationToken.None);

        Assert.Equal(["0001", "0002", "0003", "0004"], first);
        Assert.Empty(second);
        Assert.Equal(4, await store.CountAsync("schema_migrations"));
        Assert.Equal(0, await store.CountAsync("measurements"));
    }

    [Fact]
    public async Task Two_migrators_starting_together_apply_each_migration_once()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        await using var a = await StoreHarness.CreateAsync(connectionString, migrate: false);
        await using var b = await StoreHarness.CreateAsync(connectionString, migrate: false);

        var results = await Task.WhenAll(
            a.Get<MigrationRunner>().MigrateAsync(CancellationToken.None),
            b.Get<MigrationRunner>().MigrateAsync(CancellationToken.None));

        Assert.Equal(["0001", "0002", "0003", "0004"], results.SelectMany(r => r));
        Assert.Equal(4, await a.CountAsync("schema_migrations"));
    }

    [Fact]
    public async Task A_failing_migration_leaves_the_schema_as_it_was()
    {
        CopyMigrations();
        await File.WriteAllTextAsync(
            Path.Combine(_migrations, "0099_broken.sql"), "create table half_done (id int);\nthis is not sql;");
        await using var store = await StoreHarness.CreateAsync(
            await postgres.CreateDatabaseAsync(), migrate: false, migrationsPath: _migrations);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => store.Get<MigrationRunner>().MigrateAsync(CancellationToken.None));

        Assert.StartsWith("Migration 0099_broken.sql failed: syntax error", error.Message, StringComparison.Ordinal);
        await using var connection = new NpgsqlConnection(store.ConnectionString);
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>(
            "select count(*) from information_schema.tables "
            + "where table_name in ('runs', 'half_done', 'schema_migrations')"));
    }

    [Fact]
    public async Task An_applied_migration_edited_afterwards_is_refused()
    {
        CopyMigrations();
        await using var store = await StoreHarness.CreateAsync(
            await postgres.CreateDatabaseAsync(), migrate: false, migrationsPath: _migrations);
        await store.Get<MigrationRunner>().MigrateAsync(CancellationToken.None);
        await File.AppendAllTextAsync(Path.Combine(_migrations, "0001_results_store.sql"), "\n-- an afterthought\n");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => store.Get<MigrationRunner>().MigrateAsync(CancellationToken.None));

        Assert.Equal(
            "Migration 0001_results_store.sql was changed after it was applied. "
            + "Applied migrations are history: add a new migration instead.",
            error.Message);
    }

    private void CopyMigrations()
    {
        Directory.CreateDirectory(_migrations);
        foreach (var file in Directory.EnumerateFiles(SiteRoot.Locate(null).Combine("migrations"), "*.sql"))
        {
            File.Copy(file, Path.Combine(_migrations, Path.GetFileName(file)));
        }
    }
}
