using Microsoft.AspNetCore.Diagnostics;

namespace ComparisonSite;

/// <summary>
/// The site is read-only: anything but GET and HEAD answers 405 with an Allow header. Methods are
/// case-sensitive (RFC 9110, section 9.1): <c>get</c> is an unknown method, not GET, though ASP.NET Core's
/// <see cref="HttpMethods.IsGet"/> and routing compare them ignoring case.
/// </summary>
internal static class ReadOnlyMethods
{
    /// <summary>
    /// GET or HEAD, spelled exactly so: the one test of a read for every middleware that serves one (the page
    /// cache, cache headers, redirects), so a lowercase <c>get</c> reaches none of them.
    /// </summary>
    public static bool IsRead(string method) =>
        string.Equals(method, HttpMethods.Get, StringComparison.Ordinal)
        || string.Equals(method, HttpMethods.Head, StringComparison.Ordinal);

    /// <summary>HEAD, spelled exactly so (see <see cref="IsRead"/>).</summary>
    public static bool IsHead(string method) => string.Equals(method, HttpMethods.Head, StringComparison.Ordinal);

    public static IApplicationBuilder UseReadOnlyMethods(this IApplicationBuilder app) => app.Use(
        async (context, next) =>
        {
            if (IsRead(context.Request.Method))
            {
                await next(context);
                return;
            }

            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            context.Response.Headers.Allow = "GET, HEAD";
            if (context.Features.Get<IStatusCodePagesFeature>() is { } statusPages)
            {
                statusPages.Enabled = false;
            }

            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync(
                "405 Method Not Allowed: this site answers GET and HEAD.", context.RequestAborted);
        });
}
