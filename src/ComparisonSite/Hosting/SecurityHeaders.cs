using Microsoft.Net.Http.Headers;

namespace ComparisonSite.Hosting;

/// <summary>
/// Security headers on every response. Scripts and styles load only from this site (no inline script: charts
/// read their data from non-executable JSON elements), nothing may frame the site, and browsers get no
/// sensor or device permissions. HSTS is added for HTTPS requests outside Development. The one exception to "nothing
/// may frame the site" is an endpoint marked <see cref="AllowFramingAttribute"/> (a figure's embed page): any site
/// may frame it, and it gets no X-Frame-Options. A response that is not one of the site's HTML pages may carry a policy
/// of its own (<see cref="OwnContentSecurityPolicy"/>: a chart's standalone SVG, where nothing loads and only its own
/// style applies, by hash). img-src needs no blob: for the PNG download: the page draws the SVG from a data: URL and
/// saves the canvas through a blob: link, which is a download, not an image load.
/// </summary>
internal static class SecurityHeaders
{
    private const string Policy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors ";

    public const string ContentSecurityPolicy = Policy + "'none'";

    /// <summary>The policy of a page made to be embedded: the same, except that any site may frame it.</summary>
    public const string FrameableContentSecurityPolicy = Policy + "*";

    public const string PermissionsPolicy =
        "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), " +
        "payment=(), usb=(), interest-cohort=()";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app, IHostEnvironment environment) =>
        app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                var metadata = context.GetEndpoint()?.Metadata;
                var frameable = metadata?.GetMetadata<AllowFramingAttribute>() is not null;
                headers.ContentSecurityPolicy = metadata?.GetMetadata<OwnContentSecurityPolicy>()?.Policy
                    ?? (frameable ? FrameableContentSecurityPolicy : ContentSecurityPolicy);
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                headers["Permissions-Policy"] = PermissionsPolicy;
                // No Cross-Origin-Opener-Policy: it guards a page's window from cross-origin openers, which matters
                // for signed-in state this site does not have, and forcing a new browsing context group cost every
                // page ~400 ms of main-thread time on a phone in Lighthouse (README, "Page speed on a phone").
                if (frameable)
                {
                    headers.Remove(HeaderNames.XFrameOptions);
                }
                else
                {
                    headers.XFrameOptions = "DENY";
                }

                if (context.Request.IsHttps && !environment.IsDevelopment())
                {
                    headers.StrictTransportSecurity = "max-age=63072000; includeSubDomains";
                }

                return Task.CompletedTask;
            });
            await next(context);
        });
}

