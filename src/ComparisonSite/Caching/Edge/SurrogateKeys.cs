using ComparisonSite.Articles;
using ComparisonSite.Content;
using ComparisonSite.Results.Store;

namespace ComparisonSite.Caching.Edge;

/// <summary>
/// The surrogate keys of a response, all made here: <c>site</c> on everything (a full purge); under a
/// comparison's address (any route with a <c>{slug}</c> value naming a comparison) <c>comparison:&lt;slug&gt;</c>,
/// <c>suite:&lt;suite&gt;</c> for each suite its pages list and <c>run:&lt;suite&gt;:&lt;id&gt;</c> for each run it
/// cites; everywhere else <c>listing</c>. New routes get sensible keys with no work: a slug route is a
/// comparison's page, anything else a listing. Pages of another kind that show a run add
/// <see cref="Run"/> keys through <see cref="ExtraKeysFeature"/>.
/// </summary>
public sealed class SurrogateKeys(ContentLibrary content, ResultsStore results)
{
    public const string Site = "site";

    public const string Listing = "listing";

    public static string Comparison(string slug) => "comparison:" + slug;

    public static string Suite(string suite) => "suite:" + suite;

    public static string Run(string suite, string runId) => $"run:{suite}:{runId}";

    /// <summary>The keys of the response to this request, most specific last; no duplicates.</summary>
    public IReadOnlyList<string> For(HttpContext context)
    {
        var keys = new List<string> { Site };
        if (context.Request.RouteValues.TryGetValue("slug", out var value) && value is string slug
            && content.Current.Comparisons.TryGetValue(slug, out var article))
        {
            keys.Add(Comparison(slug));
            if (results.Current is { } snapshot)
            {
                keys.AddRange(ArticleRuns.Suites(article, snapshot).Select(Suite));
                keys.AddRange(ArticleRuns.Shown(article, snapshot).Select(r => Run(r.Run.Suite, r.Run.Id)));
            }
        }
        else
        {
            keys.Add(Listing);
        }

        if (context.Features.Get<ExtraKeysFeature>() is { } extra)
        {
            keys.AddRange(extra.Keys);
        }

        return [.. keys.Distinct(StringComparer.Ordinal)];
    }
}

/// <summary>Keys a page adds to its own (e.g. the runs a listing shows); set on HttpContext.Features.</summary>
public sealed class ExtraKeysFeature
{
    public List<string> Keys { get; } = [];
}
