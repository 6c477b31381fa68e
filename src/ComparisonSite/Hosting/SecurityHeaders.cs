namespace ComparisonSite;

/// <summary>
/// Security headers on every response. Scripts and styles load only from this site (no inline script: charts
/// read their data from non-executable JSON elements), nothing may frame the site, and browsers get no
/// sensor or device permissions. HSTS is added for HTTPS requests outside Development. A chart's standalone SVG
/// (<see cref="Downloads.FigureSvgDownload"/>) gets a policy of its own: nothing loads, only its own style by hash.
/// img-src needs no blob: for the PNG download: the page draws the SVG from a data: URL and saves the canvas
/// through a blob: link, which is a download, not an image load.
/// </summary>
internal static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public const string PermissionsPolicy =
        "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), " +
        "payment=(), usb=(), interest-cohort=()";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app, IHostEnvironment environment) =>
        app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = Downloads.FigureSvgDownload.Matches(context.Request.Path)
                    ? Downloads.FigureSvgDownload.ContentSecurityPolicy
                    : ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                headers["Permissions-Policy"] = PermissionsPolicy;
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                headers.XFrameOptions = "DENY";
                if (context.Request.IsHttps && !environment.IsDevelopment())
                {
                    headers.StrictTransportSecurity = "max-age=63072000; includeSubDomains";
                }

                return Task.CompletedTask;
            });
            await next(context);
        });
}
