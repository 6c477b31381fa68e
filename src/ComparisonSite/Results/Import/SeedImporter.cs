using ComparisonSite.Files;
using Dapper;
using Npgsql;

namespace ComparisonSite.Results.Import;

/// <summary>
/// Fills an empty store with the seed runs under migrations/seed/, through the same importer as any file,
/// so a fresh site shows its first comparison with data and no manual step.
/// </summary>
public sealed class SeedImporter(
    NpgsqlDataSource dataSource, RunImporter importer, string folder, ILogger<SeedImporter> logger)
{
    public async Task<int> SeedIfEmptyAsync(CancellationToken cancellationToken)
    {
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        {
            const string anyRun = "select exists (select 1 from runs)";
            if (await connection.ExecuteScalarAsync<bool>(
                new CommandDefinition(anyRun, cancellationToken: cancellationToken)))
            {
                return 0;
            }
        }

        var imported = 0;
        var files = Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal)
            : Enumerable.Empty<string>();
        foreach (var file in files)
        {
            var read = await InputFiles.ReadBytesAsync(SeedRoot, file, RunImporter.MaxFileBytes, cancellationToken);
            if (read.Bytes is null)
            {
                throw new InvalidOperationException($"Seed file {file} cannot be read: {read.Problem}");
            }

            var parsed = RunDocumentParser.Parse(read.Bytes);
            var outcome = parsed.Succeeded
                ? await importer.ImportAsync(parsed.Document!, SeedOptions(parsed.Document!), cancellationToken)
                : new ImportOutcome(null, 0, parsed.Problems);
            if (!outcome.Succeeded)
            {
                throw new InvalidOperationException(
                    $"Seed file {file} cannot be imported: {string.Join("; ", outcome.Problems)}");
            }

            logger.LogInformation("Seeded the empty results store with {File}", Path.GetFileName(file));
            imported++;
        }

        return imported;
    }

    private InputRoot SeedRoot => new(folder, "the seed folder", "only files inside it are read");

    /// <summary>
    /// A seeded run's data dates from the run itself, not from the moment a store happened to be seeded, so
    /// every store seeded from the same file dates its pages alike.
    /// </summary>
    private static ImportOptions SeedOptions(RunDocument document) => new()
    {
        ChangedAt = new DateTimeOffset(document.Run.Date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
    };
}
