using Microsoft.AspNetCore.Diagnostics;

namespace ComparisonSite.Hosting;

/// <summary>
/// The site is read-only: anything but GET and HEAD answers 405 with an Allow header. Methods are
/// case-sensitive (RFC 9110, section 9.1): <c>get</c> is an unknown method, not GET, though ASP.NET Core's
/// <see cref="HttpMethods.IsGet"/> and routing compare them ignoring case (see <see cref="ReadMethods"/>).
/// </summary>
internal static class ReadOnlyMethods
{
    public static IApplicationBuilder UseReadOnlyMethods(this IApplicationBuilder app) => app.Use(
        async (context, next) =>
        {
            if (ReadMethods.IsRead(context.Request.Method))
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
