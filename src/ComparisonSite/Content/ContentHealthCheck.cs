using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ComparisonSite.Content;

/// <summary>
/// Ready once content has loaded; degraded (still serving) while some files have errors, or while saves would
/// not show because the content folder is not being watched (it is missing, or its watch was lost).
/// </summary>
internal sealed class ContentHealthCheck(ContentLibrary library, ContentWatcher watcher) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(
        HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var snapshot = library.Current;
        if (snapshot.LoadedAt == DateTimeOffset.MinValue)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("Content has not loaded yet."));
        }

        var data = new Dictionary<string, object>
        {
            ["comparisons"] = snapshot.Comparisons.Count,
            ["loadedAt"] = snapshot.LoadedAt,
        };
        var errors = snapshot.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
        var problems = new List<string>();
        if (errors > 0)
        {
            problems.Add($"{errors} content errors; the last good versions are live.");
        }

        if (watcher.NotWatchingReason is { } reason)
        {
            problems.Add($"Saves will not show, not watching for changes: {reason}; the loaded version stays live.");
        }

        return Task.FromResult(problems.Count == 0
            ? HealthCheckResult.Healthy("Content loaded.", data)
            : HealthCheckResult.Degraded(string.Join(" ", problems), data: data));
    }
}
