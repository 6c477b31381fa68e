using ComparisonSite.Content;
using ComparisonSite.Markdown.DataReferences;
using ComparisonSite.Results.Import;
using ComparisonSite.Results.Migrations;
using ComparisonSite.Results.Store;
using Dapper;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ComparisonSite.Results.Sync;

/// <summary>
/// Keeps this instance's snapshot in step with the store: migrates and seeds on first contact, loads the
/// snapshot, then LISTENs for imports and reloads on each NOTIFY. When the connection drops it reconnects with
/// backoff and reloads (a notification may have been missed), while the last good snapshot keeps serving.
/// Each outage and each recovery is logged once.
/// </summary>
internal sealed class ResultsSync(
    ResultsDatabase database,
    ResultsStore store,
    ContentLibrary content,
    IServiceProvider services,
    IOptions<ResultsOptions> options,
    ILogger<ResultsSync> logger) : BackgroundService
{
    private int _reloadRequested;

    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan LivenessProbe = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan RequestPoll = TimeSpan.FromMilliseconds(500);
    private readonly TaskCompletionSource _firstAttempt = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private readonly Lock _beginGate = new();
    private Task? _begun;

    /// <summary>Completes when the first load has succeeded or failed (the store is down): the site can serve.</summary>
    public Task FirstAttempt => _firstAttempt.Task;

    /// <summary>
    /// Starts connecting and loading, or joins the start already under way. Program calls it as soon as the
    /// host is built (see <see cref="StartupLoads"/>), so connecting overlaps composing the request pipeline.
    /// </summary>
    public Task BeginAsync()
    {
        lock (_beginGate)
        {
            return _begun ??= BeginOnceAsync();
        }
    }

    private async Task BeginOnceAsync()
    {
        content.Changed += UpdatePinnedRuns;
        await database.StartAsync(CancellationToken.None);
        await base.StartAsync(CancellationToken.None);
    }

    /// <summary>
    /// Joins the start Program began. A private cluster that cannot start fails the host here, with the reason;
    /// the first load itself is not awaited (requests wait for it, see <see cref="StartupLoads"/>).
    /// </summary>
    public override Task StartAsync(CancellationToken cancellationToken) => BeginAsync().WaitAsync(cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var backoff = TimeSpan.FromMilliseconds(250);
        var prepared = false;
        var failing = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await database.DataSource.OpenConnectionAsync(stoppingToken);
                if (!prepared)
                {
                    await PrepareAsync(stoppingToken);
                    prepared = true;
                }

                await connection.ExecuteAsync(new CommandDefinition($"listen {RunImporter.Channel}", cancellationToken: stoppingToken));
                // The snapshot holds the runs content pins by id: know them before the first load (the
                // connection above was opened while the content loaded).
                await content.LoadInitiallyAsync().WaitAsync(stoppingToken);
                UpdatePinnedRuns(content.Current);
                Interlocked.Exchange(ref _reloadRequested, 0);
                await store.ReloadAsync(stoppingToken);
                store.MarkReachable();
                _firstAttempt.TrySetResult();
                backoff = TimeSpan.FromMilliseconds(250);
                if (failing)
                {
                    logger.LogInformation("Results store reachable again; snapshot reloaded");
                    failing = false;
                }

                await ListenAsync(connection, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or TimeoutException or IOException)
            {
                store.MarkUnreachable();
                _firstAttempt.TrySetResult();
                if (!failing)
                {
                    logger.LogWarning("Results store unreachable ({Reason}); {Serving}; retrying with backoff",
                        ex.Message, store.Current is null ? "no snapshot loaded yet, pages citing data answer 503" : "serving the last good snapshot");
                    failing = true;
                }

                await Task.Delay(backoff, stoppingToken);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
            }
        }
    }

    private async Task ListenAsync(NpgsqlConnection connection, CancellationToken stoppingToken)
    {
        while (true)
        {
            var idle = System.Diagnostics.Stopwatch.StartNew();
            while (!await connection.WaitAsync(RequestPoll, stoppingToken))
            {
                if (Interlocked.Exchange(ref _reloadRequested, 0) == 1)
                {
                    await store.ReloadAsync(stoppingToken);
                }
                else if (idle.Elapsed > LivenessProbe)
                {
                    // No notification for a while: make sure the connection is alive, or fail over to reconnect.
                    await connection.ExecuteAsync(new CommandDefinition("select 1", cancellationToken: stoppingToken));
                    idle.Restart();
                }
            }

            // Fold a burst of imports into one reload.
            while (await connection.WaitAsync(TimeSpan.FromMilliseconds(20), stoppingToken))
            {
            }

            await store.ReloadAsync(stoppingToken);
        }
    }

    /// <summary>Runs that content pins with run=ID must be in the snapshot: when the set changes, reload.</summary>
    private void UpdatePinnedRuns(ContentSnapshot snapshot)
    {
        var pinned = snapshot.Comparisons.Values.SelectMany(DataReferencePolicy.PinnedRunIds).ToHashSet(StringComparer.Ordinal);
        if (!pinned.SetEquals(store.PinnedRunIds))
        {
            store.PinnedRunIds = pinned;
            Interlocked.Exchange(ref _reloadRequested, 1);
        }
    }

    public override void Dispose()
    {
        content.Changed -= UpdatePinnedRuns;
        base.Dispose();
    }

    private async Task PrepareAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.MigrateOnStart)
        {
            return;
        }

        await services.GetRequiredService<MigrationRunner>().MigrateAsync(cancellationToken);
        await services.GetRequiredService<SeedImporter>().SeedIfEmptyAsync(cancellationToken);
    }
}
