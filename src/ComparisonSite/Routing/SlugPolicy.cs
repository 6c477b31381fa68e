using ComparisonSite.Content;
using ComparisonSite.Results.Store;
using Microsoft.AspNetCore.Routing.Patterns;

namespace ComparisonSite.Routing;

/// <summary>
/// The one answer every route under a comparison's address gives for its slug, pages and downloads alike, before
/// the route's own code runs: 404 for a slug that names no comparison a reader may see, 301 to the same sub-path and
/// query under a renamed comparison's new slug, 410 for a withdrawn one, and 503 (with Retry-After) while the
/// results store has not loaded. A route is under a comparison's address when its first segment is the
/// <c>{slug}</c> parameter alone (<see cref="IsUnderComparison"/>), so a new route there cannot leave the policy
/// out. What passes reaches the route as <see cref="ComparisonRequest"/>.
/// </summary>
internal static class SlugPolicy
{
    /// <summary>The route parameter that names the comparison.</summary>
    public const string Parameter = "slug";

    /// <summary>How long a reader is asked to wait while the results store loads.</summary>
    public const string RetryAfterSeconds = "5";

    /// <summary>
    /// Answers for the slug of a route under a comparison's address. After routing and the status-code pages (so a
    /// 404, 410 or 503 gets its page), right before the endpoints, where each route's own answer used to be given.
    /// </summary>
    public static IApplicationBuilder UseSlugPolicy(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.GetEndpoint() is RouteEndpoint endpoint && IsUnderComparison(endpoint.RoutePattern)
                && context.Request.RouteValues[Parameter] is string slug)
            {
                var services = context.RequestServices;
                var resolution = services.GetRequiredService<ContentLibrary>().Resolve(slug);
                var snapshot = services.GetRequiredService<ResultsStore>().Current;
                if (Refuse(context, resolution, snapshot))
                {
                    return;
                }

                context.Features.Set(new ComparisonRequest(resolution.Article!, snapshot!));
            }

            await next(context);
        });

    /// <summary>True for a route pattern whose first segment is the <c>{slug}</c> parameter and nothing else.</summary>
    public static bool IsUnderComparison(RoutePattern pattern) =>
        pattern.PathSegments is [{ Parts: [RoutePatternParameterPart { Name: Parameter }] }, ..];

    /// <summary>
    /// Sets the answer for a slug that names no readable comparison, or for an unloaded store; false when none is due.
    /// </summary>
    private static bool Refuse(HttpContext context, SlugResolution resolution, ResultsSnapshot? snapshot)
    {
        var response = context.Response;
        switch (resolution.Status)
        {
            case SlugStatus.NotFound:
                response.StatusCode = StatusCodes.Status404NotFound;
                return true;
            case SlugStatus.Moved:
                // A path on this site, never built from the Host header: the new slug, then the request's own rest.
                response.StatusCode = StatusCodes.Status301MovedPermanently;
                response.Headers.Location = SiteAddresses.Renamed(
                    context.Request.Path, context.Request.QueryString, resolution.Article!.Slug);
                return true;
            case SlugStatus.Gone:
                response.StatusCode = StatusCodes.Status410Gone;
                return true;
        }

        if (snapshot is null)
        {
            // The store was down at start-up: better an honest "try again" than a page with empty figures.
            response.Headers.RetryAfter = RetryAfterSeconds;
            response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return true;
        }

        return false;
    }
}
