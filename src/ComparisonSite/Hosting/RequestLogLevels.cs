using Serilog.Events;

namespace ComparisonSite.Hosting;

/// <summary>
/// Every request is logged in Development. In production successful requests log at Debug (off by default):
/// at thousands of cached responses a second, a console line per request would cost more than the response.
/// Client errors log at Information, server errors at Error. Health probes log at Debug whatever they answer:
/// anyone may send them, and their outcome is logged once per change by <see cref="ReadinessLog"/>.
/// </summary>
internal static class RequestLogLevels
{
    public static Func<HttpContext, double, Exception?, LogEventLevel> For(IHostEnvironment environment) =>
        (context, _, exception) =>
            context.Request.Path.StartsWithSegments(HealthEndpoints.Prefix, StringComparison.Ordinal)
                ? LogEventLevel.Debug
            : exception is not null || context.Response.StatusCode >= 500 ? LogEventLevel.Error
            : context.Response.StatusCode >= 400 || environment.IsDevelopment() ? LogEventLevel.Information
            : LogEventLevel.Debug;
}
