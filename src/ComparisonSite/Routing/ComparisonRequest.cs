using ComparisonSite.Content;
using ComparisonSite.Results.Store;

namespace ComparisonSite.Routing;

/// <summary>
/// The comparison a request under its address is for, and the results it is served from, as
/// <see cref="SlugPolicy"/> let it through: the slug named a readable comparison and the store had loaded.
/// </summary>
public sealed record ComparisonRequest(ComparisonArticle Article, ResultsSnapshot Snapshot);

/// <summary>Reads the <see cref="ComparisonRequest"/> a route under a comparison's address is given.</summary>
public static class ComparisonRequests
{
    public static ComparisonRequest Comparison(this HttpContext context) =>
        context.Features.Get<ComparisonRequest>()
            ?? throw new InvalidOperationException(
                $"{context.Request.Path} is not under a comparison's address: the slug policy did not run for it.");
}
