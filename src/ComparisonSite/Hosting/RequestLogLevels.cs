using Serilog.Events;

namespace ComparisonSite.Hosting;

/// <summary>
/// Every request is logged in Development. In production successful requests log at Debug (off by default):
/// at thousands of cached responses a second, a console line per request would cost more than the response.
/// Client errors log at Information, server errors at Error.
/// </summary>
internal static class RequestLogLevels
{
    public static Func<HttpContext, double, Exception?, LogEventLevel> For(IHostEnvironment environment) =>
        (context, _, exception) =>
            exception is not null || context.Response.StatusCode >= 500 ? LogEventLevel.Error
            : context.Response.StatusCode >= 400 || environment.IsDevelopment() ? LogEventLevel.Information
            : LogEventLevel.Debug;
}
