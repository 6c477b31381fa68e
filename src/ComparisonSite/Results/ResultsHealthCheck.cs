using ComparisonSite.Results.Store;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ComparisonSite.Results;

/// <summary>
/// Ready when a snapshot is loaded and the store is reachable; says how old the snapshot is either way.
/// </summary>
internal sealed class ResultsHealthCheck(ResultsStore store) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(
        HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var snapshot = store.Current;
        if (snapshot is null)
        {
            return Task.FromResult(
                HealthCheckResult.Unhealthy("No results snapshot has loaded yet; retrying the store."));
        }

        var data = new Dictionary<string, object>
        {
            ["snapshotLoadedAt"] = snapshot.LoadedAt,
            ["snapshotAgeSeconds"] = Math.Round((DateTimeOffset.UtcNow - snapshot.LoadedAt).TotalSeconds),
            ["runs"] = snapshot.RunsById.Count,
        };
        if (!store.Reachable)
        {
            data["unreachableSince"] = store.UnreachableSince ?? DateTimeOffset.UtcNow;
            return Task.FromResult(HealthCheckResult.Unhealthy(
                "The results store is unreachable; serving the last good snapshot.", data: data));
        }

        return Task.FromResult(HealthCheckResult.Healthy("Results store reachable; snapshot loaded.", data));
    }
}
