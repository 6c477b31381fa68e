using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Dapper;
using Npgsql;

namespace ComparisonSite.Results.Migrations;

/// <summary>
/// Applies migrations/NNNN_name.sql in order, each recorded in schema_migrations with its checksum. All pending
/// files run in one transaction under an advisory lock, so two instances starting together cannot race and a
/// failing file leaves the schema as it was. The SQL files are the source of truth; an applied file that was
/// edited afterwards is an error, not a silent drift.
/// </summary>
public sealed partial class MigrationRunner(NpgsqlDataSource dataSource, string folder, ILogger<MigrationRunner> logger)
{
    // Any constant works; it only has to be the same for every instance of this site.
    private const long AdvisoryLockKey = 0x436F6D7053697465;

    private const string CreateHistory = """
        create table if not exists schema_migrations (
            version    text primary key,
            name       text not null,
            checksum   text not null,
            applied_at timestamptz not null default now()
        )
        """;

    /// <summary>Applies what is pending and returns the versions it applied (empty when up to date).</summary>
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken)
    {
        var files = ReadMigrationFiles();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "select pg_advisory_xact_lock(@key)",
            new { key = AdvisoryLockKey },
            transaction,
            cancellationToken: cancellationToken));
        await connection.ExecuteAsync(
            new CommandDefinition(CreateHistory, transaction: transaction, cancellationToken: cancellationToken));

        var applied = (await connection.QueryAsync<(string Version, string Checksum)>(new CommandDefinition(
                "select version, checksum from schema_migrations",
                transaction: transaction,
                cancellationToken: cancellationToken)))
            .ToDictionary(r => r.Version, r => r.Checksum, StringComparer.Ordinal);

        var newlyApplied = new List<string>();
        foreach (var file in files)
        {
            if (applied.TryGetValue(file.Version, out var checksum))
            {
                if (checksum != file.Checksum)
                {
                    throw new InvalidOperationException(
                        $"Migration {file.FileName} was changed after it was applied. " +
                        "Applied migrations are history: add a new migration instead.");
                }

                continue;
            }

            try
            {
                await connection.ExecuteAsync(
                    new CommandDefinition(file.Sql, transaction: transaction, cancellationToken: cancellationToken));
            }
            catch (PostgresException ex)
            {
                throw new InvalidOperationException(
                    $"Migration {file.FileName} failed: {ex.MessageText} (at character {ex.Position}); " +
                    "nothing was applied.",
                    ex);
            }

            await connection.ExecuteAsync(new CommandDefinition(
                "insert into schema_migrations (version, name, checksum) values (@Version, @Name, @Checksum)",
                new { file.Version, file.Name, file.Checksum }, transaction, cancellationToken: cancellationToken));
            newlyApplied.Add(file.Version);
        }

        await transaction.CommitAsync(cancellationToken);
        if (newlyApplied.Count > 0)
        {
            logger.LogInformation("Applied migrations {Versions}", newlyApplied);
        }

        return newlyApplied;
    }

    private IReadOnlyList<MigrationFile> ReadMigrationFiles()
    {
        if (!Directory.Exists(folder))
        {
            throw new InvalidOperationException($"The migrations folder {folder} does not exist.");
        }

        var files = new List<MigrationFile>();
        foreach (var path in Directory.EnumerateFiles(folder, "*.sql"))
        {
            var fileName = Path.GetFileName(path);
            var match = FileNamePattern().Match(fileName);
            if (!match.Success)
            {
                throw new InvalidOperationException(
                    $"Migration file {fileName} must be named NNNN_description.sql (e.g. 0002_add_samples.sql).");
            }

            var sql = File.ReadAllText(path).ReplaceLineEndings("\n");
            var checksum = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sql)));
            var (version, name) = (match.Groups["version"].Value, match.Groups["name"].Value);
            files.Add(new MigrationFile(version, name, fileName, sql, checksum));
        }

        foreach (var duplicate in files.GroupBy(f => f.Version).Where(g => g.Count() > 1))
        {
            var names = string.Join(", ", duplicate.Select(f => f.FileName));
            throw new InvalidOperationException($"Two migrations share version {duplicate.Key}: {names}.");
        }

        return [.. files.OrderBy(f => f.Version, StringComparer.Ordinal)];
    }

    private sealed record MigrationFile(string Version, string Name, string FileName, string Sql, string Checksum);

    [GeneratedRegex(@"^(?<version>\d{4})_(?<name>[a-z0-9_]+)\.sql$")]
    private static partial Regex FileNamePattern();
}
