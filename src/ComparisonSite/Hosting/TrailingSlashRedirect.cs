namespace ComparisonSite.Hosting;

/// <summary>
/// One address per page: "/slug/" answers 301 to "/slug". The Location is a path on this site, never built
/// from the Host header, and "//host/" cannot be turned into a redirect to another site.
/// </summary>
internal static class TrailingSlashRedirect
{
    public static IApplicationBuilder UseTrailingSlashRedirect(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var path = context.Request.Path.Value;
            var isRead = ReadMethods.IsRead(context.Request.Method);
            if (isRead && path is { Length: > 1 } && path[^1] == '/')
            {
                var trimmed = path.TrimEnd('/');
                if (trimmed.Length == 0
                    || trimmed.StartsWith("//", StringComparison.Ordinal)
                    || trimmed.Contains('\\', StringComparison.Ordinal))
                {
                    context.Response.StatusCode = StatusCodes.Status404NotFound;
                    return;
                }

                context.Response.StatusCode = StatusCodes.Status301MovedPermanently;
                var pathOnThisSite = new PathString(trimmed).ToUriComponent();
                context.Response.Headers.Location = pathOnThisSite + context.Request.QueryString.ToUriComponent();
                return;
            }

            await next(context);
        });
}
