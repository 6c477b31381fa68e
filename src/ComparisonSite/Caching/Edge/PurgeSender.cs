using Microsoft.Extensions.Options;

namespace ComparisonSite.Caching.Edge;

/// <summary>
/// Sends queued purges to every configured purger, one change at a time. Each request is tried up to
/// <see cref="EdgeOptions.PurgeAttempts"/> times with doubling delays; an attempt's failure is logged at Debug,
/// a change that still could not be purged once, at Warning. Nothing here can fail or hold up an import: the
/// queue is filled without waiting and a lost purge leaves pages stale for at most s-maxage.
/// </summary>
internal sealed class PurgeSender(
    PendingPurges queue,
    IHttpClientFactory clients,
    IOptions<EdgeOptions> options,
    ILogger<PurgeSender> logger)
    : BackgroundService
{
    public const string ClientName = "edge-purge";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var purge in queue.ReadAllAsync(stoppingToken))
            {
                foreach (var purger in options.Value.Purgers)
                {
                    await SendAsync(purger, purge, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task SendAsync(PurgerOptions purger, PurgeRequest purge, CancellationToken stoppingToken)
    {
        var client = clients.CreateClient(ClientName);
        var attempts = options.Value.PurgeAttempts;
        string? failure = null;
        for (var attempt = 1; attempt <= attempts; attempt++)
        {
            failure = await TryAsync(client, purger, purge, stoppingToken);
            if (failure is null)
            {
                logger.LogInformation(
                    "Purged {Keys} through {Purger} for change {Change} ({Cause})",
                    purge.Keys, purger.Name, purge.Change, purge.Cause);
                return;
            }

            logger.LogDebug(
                "Purge attempt {Attempt} of {Attempts} through {Purger} for change {Change} failed: {Failure}",
                attempt, attempts, purger.Name, purge.Change, failure);
            if (attempt < attempts)
            {
                var delay = options.Value.RetryDelayMilliseconds * (1 << (attempt - 1));
                await Task.Delay(delay, stoppingToken);
            }
        }

        logger.LogWarning(
            "Could not purge {Keys} through {Purger} for change {Change} ({Cause}) after {Attempts} attempts: "
            + "{Failure}; the edge serves those pages until their s-maxage ends",
            purge.Keys, purger.Name, purge.Change, purge.Cause, attempts, failure);
    }

    /// <summary>Null when every request of the purge succeeded, else why one did not.</summary>
    private static async Task<string?> TryAsync(
        HttpClient client,
        PurgerOptions purger,
        PurgeRequest purge,
        CancellationToken stoppingToken)
    {
        foreach (var request in HttpPurger.Requests(purger, purge.Keys))
        {
            using (request)
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                timeout.CancelAfter(TimeSpan.FromSeconds(purger.TimeoutSeconds));
                try
                {
                    using var response = await client.SendAsync(request, timeout.Token);
                    if (!response.IsSuccessStatusCode)
                    {
                        return $"{(int)response.StatusCode} {response.ReasonPhrase} from {request.RequestUri}";
                    }
                }
                catch (HttpRequestException exception)
                {
                    return exception.Message;
                }
                catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
                {
                    return $"no answer within {purger.TimeoutSeconds} s from {request.RequestUri}";
                }
            }
        }

        return null;
    }
}
