using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ComparisonSite.Content;

/// <summary>Ready once content has loaded; degraded (still serving) while some files have errors.</summary>
internal sealed class ContentHealthCheck(ContentLibrary library) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var snapshot = library.Current;
        if (snapshot.LoadedAt == DateTimeOffset.MinValue)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("Content has not loaded yet."));
        }

        var data = new Dictionary<string, object> { ["comparisons"] = snapshot.Comparisons.Count, ["loadedAt"] = snapshot.LoadedAt };
        var errors = snapshot.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
        return Task.FromResult(errors == 0
            ? HealthCheckResult.Healthy("Content loaded.", data)
            : HealthCheckResult.Degraded($"{errors} content errors; the last good versions are live.", data: data));
    }
}
