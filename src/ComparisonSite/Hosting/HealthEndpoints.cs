using System.Text.Json;
using ComparisonSite.Caching;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ComparisonSite.Hosting;

/// <summary>
/// /healthz/live (the process answers) and /healthz/ready (store, snapshot age and content), as JSON. Readiness
/// is logged when it changes (<see cref="ReadinessLog"/>); probes' requests at Debug (<see cref="RequestLogLevels"/>).
/// </summary>
internal static class HealthEndpoints
{
    public const string Prefix = "/healthz";

    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks(
            Prefix + "/live",
            new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync });
        var readinessLog = ActivatorUtilities.CreateInstance<ReadinessLog>(endpoints.ServiceProvider);
        endpoints.MapHealthChecks(
            Prefix + "/ready",
            new HealthCheckOptions
            {
                Predicate = c => c.Tags.Contains("ready"),
                ResponseWriter = (context, report) =>
                {
                    readinessLog.Observe(report);
                    return WriteAsync(context, report);
                },
            });
        return endpoints;
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = CacheControlValues.NoStore;
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(
                e => e.Key,
                e => new
                {
                    status = e.Value.Status.ToString(),
                    description = e.Value.Description,
                    data = e.Value.Data,
                }),
        };
        return JsonSerializer.SerializeAsync(context.Response.Body, body, cancellationToken: context.RequestAborted);
    }
}
