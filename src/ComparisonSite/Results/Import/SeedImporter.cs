using Dapper;
using Npgsql;

namespace ComparisonSite.Results.Import;

/// <summary>
/// Fills an empty store with the seed runs under migrations/seed/, through the same importer as any file,
/// so a fresh site shows its first comparison with data and no manual step.
/// </summary>
public sealed class SeedImporter(NpgsqlDataSource dataSource, RunImporter importer, string folder, ILogger<SeedImporter> logger)
{
    public async Task<int> SeedIfEmptyAsync(CancellationToken cancellationToken)
    {
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        {
            if (await connection.ExecuteScalarAsync<bool>(new CommandDefinition("select exists (select 1 from runs)", cancellationToken: cancellationToken)))
            {
                return 0;
            }
        }

        var imported = 0;
        foreach (var file in Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal) : Enumerable.Empty<string>())
        {
            var parsed = RunDocumentParser.Parse(await File.ReadAllBytesAsync(file, cancellationToken));
            var outcome = parsed.Succeeded ? await importer.ImportAsync(parsed.Document!, cancellationToken) : new ImportOutcome(null, 0, parsed.Problems);
            if (!outcome.Succeeded)
            {
                throw new InvalidOperationException($"Seed file {file} cannot be imported: {string.Join("; ", outcome.Problems)}");
            }

            logger.LogInformation("Seeded the empty results store with {File}", Path.GetFileName(file));
            imported++;
        }

        return imported;
    }
}
