using Microsoft.Extensions.Options;

namespace ComparisonSite.Results.Store;

/// <summary>
/// Holds the live <see cref="ResultsSnapshot"/> and whether the store is reachable right now. Pages read
/// <see cref="Current"/>; only <see cref="ReloadAsync"/> touches PostgreSQL.
/// </summary>
public sealed class ResultsStore(
    ResultsDatabase database, CatalogRepository catalog, RunRepository runs, ILogger<ResultsStore> logger)
    : IDisposable
{
    private readonly SemaphoreSlim _reloadGate = new(1, 1);
    private ResultsSnapshot? _current;
    private volatile bool _reachable;

    /// <summary>The figures pages show; null until the first load succeeds.</summary>
    public ResultsSnapshot? Current => Volatile.Read(ref _current);

    /// <summary>True while the site holds a live connection to the store (the change listener is connected).</summary>
    public bool Reachable => _reachable;

    public DateTimeOffset? UnreachableSince { get; private set; }

    /// <summary>Raised after a new snapshot is live.</summary>
    public event Action<ResultsSnapshot>? Changed;

    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        await _reloadGate.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
            var entries = await catalog.LoadAsync(connection, transaction: null, cancellationToken);
            var all = await runs.LoadAllAsync(connection, cancellationToken, Current?.RunsById);
            var removed = await runs.LoadRemovedAsync(connection, cancellationToken);
            var snapshot = ResultsSnapshot.Create(entries, all, DateTimeOffset.UtcNow, removed);
            Volatile.Write(ref _current, snapshot);
            logger.LogInformation("Results snapshot loaded: {RunCount} runs, {SuiteCount} suites",
                snapshot.RunsById.Count, snapshot.LatestBySuite.Count);
            Changed?.Invoke(snapshot);
        }
        finally
        {
            _reloadGate.Release();
        }
    }

    internal void MarkReachable()
    {
        _reachable = true;
        UnreachableSince = null;
    }

    internal void MarkUnreachable()
    {
        _reachable = false;
        UnreachableSince ??= DateTimeOffset.UtcNow;
    }

    public void Dispose() => _reloadGate.Dispose();
}
