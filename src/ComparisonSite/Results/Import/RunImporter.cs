using System.Globalization;
using ComparisonSite.Results.Store;
using Npgsql;

namespace ComparisonSite.Results.Import;

/// <summary>The outcome of an import: the run written, or every reason it was not.</summary>
public sealed record ImportOutcome(string? RunId, int Measurements, IReadOnlyList<ImportProblem> Problems)
{
    public bool Succeeded => Problems.Count == 0;
}

/// <summary>
/// Writes a parsed run in one transaction: catalog entries, the run (replacing one with the same id) and its
/// measurements, then a NOTIFY that every running site instance hears on commit. Any problem — an undeclared
/// slug, a declaration that would change a catalog entry, a constraint the database enforces — rolls everything
/// back.
/// </summary>
public sealed class RunImporter(
    NpgsqlDataSource dataSource, CatalogRepository catalog, RunRepository runs, ILogger<RunImporter> logger)
{
    /// <summary>The channel imports notify and site instances listen on; the payload is the suite's slug.</summary>
    public const string Channel = "results_changed";

    /// <summary>
    /// The most measurements one run may hold. A comparison's downloads list every measurement of its run, and the
    /// page cache keeps each download whole (see README, "Performance"): 100,000 make about 17 MB of JSON.
    /// </summary>
    public const int MaxMeasurements = 100_000;

    public Task<ImportOutcome> ImportAsync(RunDocument document, CancellationToken cancellationToken) =>
        ImportAsync(document, ImportOptions.Default, cancellationToken);

    public async Task<ImportOutcome> ImportAsync(
        RunDocument document, ImportOptions options, CancellationToken cancellationToken)
    {
        if (document.Results.Count > MaxMeasurements)
        {
            return new ImportOutcome(null, 0, [new ImportProblem("$", string.Create(
                CultureInfo.InvariantCulture,
                $"the run has {document.Results.Count:N0} measurements; the limit is {MaxMeasurements:N0} a run"))]);
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        var stored = await catalog.LoadAsync(connection, transaction, cancellationToken);
        var problems = CheckReferences(document, stored).ToList();
        if (!options.UpdateCatalog)
        {
            problems.AddRange(CatalogChanges.Find(document, stored));
        }

        if (problems.Count > 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            return new ImportOutcome(null, 0, problems);
        }

        try
        {
            var hash = RunContentHash.Compute(document);
            await catalog.UpsertAsync(connection, transaction, document, cancellationToken);
            await runs.ReplaceAsync(connection, transaction, document, hash, options.ChangedAt, cancellationToken);
            await runs.NotifyChangedAsync(connection, transaction, document.Suite, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (PostgresException ex)
        {
            // The transaction is rolled back on dispose; nothing of this import remains.
            var constraint = ex.ConstraintName is null ? "" : $" (constraint {ex.ConstraintName})";
            return new ImportOutcome(
                null, 0, [new ImportProblem("$", $"the store rejected the run: {ex.MessageText}{constraint}")]);
        }

        logger.LogInformation("Imported run {RunId} of suite {Suite} with {Count} measurements",
            document.Run.Id, document.Suite, document.Results.Count);
        return new ImportOutcome(document.Run.Id, document.Results.Count, []);
    }

    private static IEnumerable<ImportProblem> CheckReferences(RunDocument document, StoredCatalog known)
    {
        var frameworks = known.Frameworks.Keys.Union(document.Frameworks.Select(f => f.Slug))
            .ToHashSet(StringComparer.Ordinal);
        var scenarios = known.Scenarios.Keys.Union(document.Scenarios.Select(s => s.Slug))
            .ToHashSet(StringComparer.Ordinal);
        var metrics = known.Metrics.Keys.Union(document.Metrics.Select(m => m.Slug))
            .ToHashSet(StringComparer.Ordinal);
        foreach (var row in document.Results)
        {
            if (!frameworks.Contains(row.Framework))
            {
                yield return Unknown(row, "framework", row.Framework, "frameworks", frameworks);
            }

            if (!scenarios.Contains(row.Scenario))
            {
                yield return Unknown(row, "scenario", row.Scenario, "scenarios", scenarios);
            }

            if (!metrics.Contains(row.Metric))
            {
                yield return Unknown(row, "metric", row.Metric, "metrics", metrics);
            }
        }
    }

    private static ImportProblem Unknown(
        ResultRow row, string field, string slug, string catalogName, IEnumerable<string> known)
    {
        var location = row.Location.StartsWith('$') ? $"{row.Location}.{field}" : $"{row.Location}, column {field}";
        var choices = string.Join(", ", known.Order(StringComparer.Ordinal));
        return new ImportProblem(location, $"unknown {field} \"{slug}\": declare it in \"{catalogName}\" "
            + $"or use a known one ({(choices.Length == 0 ? "none yet" : choices)})");
    }
}
