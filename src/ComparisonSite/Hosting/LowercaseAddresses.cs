using Microsoft.AspNetCore.Routing.Matching;

namespace ComparisonSite.Hosting;

/// <summary>
/// One spelling per address: every address the site answers from an endpoint is lowercase (slugs are, by
/// <see cref="Identifiers.IsSlug"/>, and so is every literal route), but ASP.NET Core matches literals ignoring
/// case, so <c>/slug/RESULTS.csv</c> or <c>/Sitemap.xml</c> would answer 200 and be cached apart. A path with an
/// uppercase letter matches no endpoint and answers the site's 404 page, as <c>/SLUG</c> always has. Not a 301
/// to the lowercase path: the site never links a variant, so no reader or crawler follows one, and a redirect
/// built from whatever a client sends would only be one more answer per variant.
/// Static files have no endpoint and are matched by the (case-sensitive) file system.
/// </summary>
internal sealed class LowercaseAddresses : MatcherPolicy, IEndpointSelectorPolicy
{
    public override int Order => 0;

    public bool AppliesToEndpoints(IReadOnlyList<Endpoint> endpoints) => true;

    public Task ApplyAsync(HttpContext httpContext, CandidateSet candidates)
    {
        if (httpContext.Request.Path.Value is { } path && path.AsSpan().IndexOfAnyInRange('A', 'Z') >= 0)
        {
            for (var i = 0; i < candidates.Count; i++)
            {
                candidates.SetValidity(i, false);
            }
        }

        return Task.CompletedTask;
    }
}
