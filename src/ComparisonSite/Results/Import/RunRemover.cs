using ComparisonSite.Results.Store;
using Npgsql;

namespace ComparisonSite.Results.Import;

/// <summary>
/// Takes a run out of the store on purpose (<c>runs remove ID</c>): the run and its measurements are deleted and
/// a tombstone recorded in one transaction, with the same NOTIFY an import sends, so every running site instance
/// drops the run at once and its page answers 410 Gone.
/// </summary>
public sealed class RunRemover(NpgsqlDataSource dataSource, RunRepository runs, ILogger<RunRemover> logger)
{
    /// <summary>The tombstone written, or null (nothing changed) when the store holds no run with this id.</summary>
    public async Task<RemovedRun?> RemoveAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await runs.RemoveAsync(connection, transaction, id, cancellationToken) is not { } removed)
        {
            await transaction.RollbackAsync(cancellationToken);
            return null;
        }

        await runs.NotifyChangedAsync(connection, transaction, removed.Suite, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Removed run {RunId} of suite {Suite}", removed.Id, removed.Suite);
        return removed;
    }
}
