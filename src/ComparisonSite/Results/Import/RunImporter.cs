using ComparisonSite.Results.Store;
using Npgsql;

namespace ComparisonSite.Results.Import;

/// <summary>The outcome of an import: the run written, or every reason it was not.</summary>
public sealed record ImportOutcome(string? RunId, int Measurements, IReadOnlyList<ImportProblem> Problems)
{
    public bool Succeeded => RunId is not null && Problems.Count == 0;
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

    /// <summary>
    /// The most bytes one import file may hold, read or not: room for <see cref="MaxMeasurements"/> written out in
    /// full (a pretty-printed result with three long slugs and a dozen samples is about 600 bytes; 100,000 results
    /// with five samples each measured 25 MB), and a bound on what a file, or a link to /dev/zero, makes the
    /// process hold.
    /// </summary>
    public const int MaxFileBytes = 64 * 1024 * 1024;

    public Task<ImportOutcome> ImportAsync(RunDocument document, CancellationToken cancellationToken) =>
        ImportAsync(document, ImportOptions.Default, cancellationToken);

    public async Task<ImportOutcome> ImportAsync(
        RunDocument document, ImportOptions options, CancellationToken cancellationToken) =>
        (await ImportAllAsync([document], options, cancellationToken))[0];

    /// <summary>The catalog as stored now: what a dry run and the command's one-pass check compare files with.
    /// </summary>
    public async Task<StoredCatalog> LoadCatalogAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await catalog.LoadAsync(connection, transaction: null, cancellationToken);
    }

    /// <summary>
    /// Writes several runs in one transaction: all of them, or, if any has a problem, none. One outcome per
    /// document, in order; when the import fails, a document without problems of its own has no run id either.
    /// </summary>
    public async Task<IReadOnlyList<ImportOutcome>> ImportAllAsync(
        IReadOnlyList<RunDocument> documents, ImportOptions options, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        // Checked again inside the transaction: the catalog may have changed since the caller's own check.
        var stored = await catalog.LoadAsync(connection, transaction, cancellationToken);
        var parsed = documents.Select(d => new ParsedRun(d, []) { Use = CatalogUse.Of(d) }).ToList();
        var problems = ImportValidation.Check(parsed, stored, options);
        if (problems.Any(p => p.Count > 0))
        {
            await transaction.RollbackAsync(cancellationToken);
            return [.. problems.Select(p => new ImportOutcome(null, 0, p))];
        }

        try
        {
            foreach (var document in documents)
            {
                var hash = RunContentHash.Compute(document);
                await catalog.UpsertAsync(connection, transaction, document, cancellationToken);
                await runs.ReplaceAsync(connection, transaction, document, hash, options.ChangedAt, cancellationToken);
            }

            foreach (var suite in documents.Select(d => d.Suite).Distinct(StringComparer.Ordinal))
            {
                await runs.NotifyChangedAsync(connection, transaction, suite, cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }
        catch (PostgresException ex)
        {
            // The transaction is rolled back on dispose; nothing of this import remains.
            var constraint = ex.ConstraintName is null ? "" : $" (constraint {ex.ConstraintName})";
            var problem = new ImportProblem("$", $"the store rejected the run: {ex.MessageText}{constraint}");
            return [.. documents.Select(_ => new ImportOutcome(null, 0, [problem]))];
        }

        foreach (var document in documents)
        {
            logger.LogInformation("Imported run {RunId} of suite {Suite} with {Count} measurements",
                document.Run.Id, document.Suite, document.Results.Count);
        }

        return [.. documents.Select(d => new ImportOutcome(d.Run.Id, d.Results.Count, []))];
    }
}
