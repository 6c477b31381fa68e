namespace ComparisonSite.Content;

/// <summary>
/// Top-level addresses of the site's own pages, which no comparison may take (its page would never be reached): one
/// list, asked by the loader for a comparison's slug and by <c>new</c> before it writes a scaffold.
/// </summary>
internal static class ReservedSlugs
{
    private static readonly Dictionary<string, string> TakenBy = new(StringComparer.Ordinal)
    {
        ["tags"] = "the tag pages",
        ["search"] = "the search page",
        ["error"] = "the error page",
        ["page"] = "the home page's further pages",
        ["sitemaps"] = "the files of a split sitemap",
    };

    /// <summary>Why a comparison may not take the slug ("slug 'tags' is taken by the tag pages (/tags)"), or null.
    /// </summary>
    public static string? Problem(string slug) =>
        TakenBy.TryGetValue(slug, out var page) ? $"slug '{slug}' is taken by {page} (/{slug})" : null;
}
