using System.Globalization;

namespace ComparisonSite;

/// <summary>
/// The site's address scheme, spelled once: every path under a comparison's address (<c>/&lt;slug&gt;</c>) and the
/// tag pages. Pages, links, redirects, the sitemap, the feed and structured data all build their paths here; the
/// route templates (<c>@page "/{slug:slug}/data"</c>) name the same shapes for matching. Each part is an identifier
/// (<see cref="Identifiers"/>: a slug, a run id, a figure id or an anchor), so none needs escaping.
/// </summary>
public static class SiteAddresses
{
    /// <summary>The site's list of tags.</summary>
    public const string Tags = "/tags";

    /// <summary>The comparisons with one tag.</summary>
    public static string Tag(string tagSlug) => $"{Tags}/{tagSlug}";

    /// <summary>The comparison's article: <c>/&lt;slug&gt;</c>.</summary>
    public static string Comparison(string slug) => "/" + slug;

    /// <summary>A place in the article: <c>/&lt;slug&gt;#&lt;anchor&gt;</c>.</summary>
    public static string InArticle(string slug, string anchor) => $"/{slug}#{anchor}";

    /// <summary>The data page: every run of the comparison's suites, with their pages, downloads and trends.</summary>
    public static string Data(string slug) => $"/{slug}/data";

    /// <summary>A run's permanent page under the comparison.</summary>
    public static string Run(string slug, string runId) => $"/{slug}/runs/{runId}";

    /// <summary>What changed from run <paramref name="a"/> to run <paramref name="b"/>.</summary>
    public static string RunDifference(string slug, string a, string b) => $"{Run(slug, a)}/vs/{b}";

    /// <summary>
    /// Part <paramref name="part"/> of a page split by <see cref="Runs.PageParts"/>: <c>…/part/N</c> after the
    /// page's own address, which is part 1.
    /// </summary>
    public static string Part(string page, int part) =>
        part == 1 ? page : string.Create(CultureInfo.InvariantCulture, $"{page}/part/{part}");

    /// <summary>The route template a split page's further parts answer on, after its own template.</summary>
    public const string PartTemplate = "/part/{part:int}";

    /// <summary>
    /// Where the run picker's form sends (<c>?a=…&amp;b=…</c>); a valid pair is redirected to
    /// <see cref="RunDifference"/>.
    /// </summary>
    public static string CompareRuns(string slug) => $"/{slug}/compare";

    /// <summary>
    /// The run the comparison cites, as a download (<paramref name="extension"/> "csv" or "json"), or with a run id,
    /// that run of its suites.
    /// </summary>
    public static string Results(string slug, string extension, string? runId = null) =>
        runId is null ? $"/{slug}/results.{extension}" : $"{Run(slug, runId)}/results.{extension}";

    /// <summary>
    /// A figure of the article on a page of its own, made to be framed, or with an extension ("csv", "svg") its
    /// numbers or its drawing as a file.
    /// </summary>
    public static string Figure(string slug, string id, string? extension = null) =>
        extension is null ? $"/{slug}/figures/{id}" : $"/{slug}/figures/{id}.{extension}";

    /// <summary>The cost calculator without JavaScript (its query: <c>CostPage.CanonicalQuery</c>).</summary>
    public static string Cost(string slug) => $"/{slug}/cost";

    /// <summary>
    /// The same address under a renamed comparison's new slug: <paramref name="path"/> (which starts with the old
    /// slug's segment) with that segment replaced, escaped as a path on this site, the query kept as it came.
    /// </summary>
    public static string Renamed(PathString path, QueryString query, string newSlug)
    {
        var value = path.Value ?? "/";
        var afterSlug = value.IndexOf('/', 1) is var end and > 0 ? value[end..] : "";
        return new PathString(Comparison(newSlug) + afterSlug).ToUriComponent() + query.ToUriComponent();
    }
}
