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
/// Each outage and each recovery is logged once. Started and stopped by Hosting/StartupLoads, which
/// starts it before the host does.
/// </summary>
internal sealed class ResultsSync(
    ResultsDatabase database,
    ResultsStore store,
    IServiceProvider services,
    IOptions<ResultsOptions> options,
    ILogger<ResultsSync> logger) : BackgroundService
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(5);
    private readonly TaskCompletionSource _firstAttempt = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>How long the listening connection may be quiet before a query checks it is alive.</summary>
    internal TimeSpan LivenessProbe { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Completes when the first load has succeeded or failed (the store is down): the site can serve.
    /// </summary>
    public Task FirstAttempt => _firstAttempt.Task;

    /// <summary>
    /// Connects to the store (starting the private cluster, if any; one that cannot start fails here, with the
    /// reason), then begins the sync loop. The first load itself is not awaited.
    /// </summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await database.StartAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    /// <summary>Stops the loop, then the store connection it used (and the private cluster, if any).</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await database.StopAsync(cancellationToken);
    }

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

                await connection.ExecuteAsync(
                    new CommandDefinition($"listen {RunImporter.Channel}", cancellationToken: stoppingToken));
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
            catch (Exception ex)
                when (ex is NpgsqlException or InvalidOperationException or TimeoutException or IOException)
            {
                store.MarkUnreachable();
                _firstAttempt.TrySetResult();
                if (!failing)
                {
                    logger.LogWarning(
                        "Results store unreachable ({Reason}); {Serving}; retrying with backoff",
                        ex.Message,
                        store.Current is null
                            ? "no snapshot loaded yet, pages citing data answer 503"
                            : "serving the last good snapshot");
                    failing = true;
                }

                await Task.Delay(backoff, stoppingToken);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
            }
        }
    }

    private async Task ListenAsync(NpgsqlConnection connection, CancellationToken stoppingToken)
    {
        // What counts is the Notification event, not WaitAsync's answer: a notification that arrives while the
        // liveness probe runs is raised during that query, and WaitAsync never reports it.
        var heard = 0;
        connection.Notification += (_, _) => Interlocked.Exchange(ref heard, 1);
        while (true)
        {
            while (Interlocked.Exchange(ref heard, 0) == 0)
            {
                if (!await connection.WaitAsync(LivenessProbe, stoppingToken) && Volatile.Read(ref heard) == 0)
                {
                    // No notification for a while: make sure the connection is alive, or fail over to reconnect.
                    await connection.ExecuteAsync(
                        new CommandDefinition("select 1", cancellationToken: stoppingToken));
                }
            }

            // Fold a burst of imports into one reload; those heard from here on are in it.
            while (await connection.WaitAsync(TimeSpan.FromMilliseconds(20), stoppingToken))
            {
            }

            Interlocked.Exchange(ref heard, 0);
            await store.ReloadAsync(stoppingToken);
        }
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
