using ComparisonSite.Caching;
using ComparisonSite.Content;
using ComparisonSite.Search;
using ComparisonSite.Seo;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace ComparisonSite.Pages;

/// <summary>
/// /search?q=…: the comparisons whose words match, from the site's index. Never indexed by search engines, and
/// never kept by the page cache (its key leaves the query string out, and every distinct query would be an
/// entry). A refused query gets 400 with the form and the reason.
/// </summary>
[NoPageCache]
public sealed class SearchModel(
    SiteSearch search, ContentLibrary library, SiteUrls urls, IOptions<SiteOptions> site) : PageModel
{
    public SearchQuery Query { get; private set; } = SearchQuery.Parse(null);

    public IReadOnlyList<SearchResult> Results { get; private set; } = [];

    /// <summary>
    /// For a search without results: the first published comparisons by title, as many as a listing page holds.
    /// </summary>
    public IReadOnlyList<ComparisonArticle> Suggestions { get; private set; } = [];

    /// <summary>How many published comparisons the suggestions leave out.</summary>
    public int MoreComparisons { get; private set; }

    public void OnGet()
    {
        Response.Headers["X-Robots-Tag"] = "noindex";
        var values = Request.Query["q"];
        Query = values.Count > 1
            ? SearchQuery.Refuse("Search for one thing at a time: the address has more than one q.")
            : SearchQuery.Parse(values.ToString());
        ViewData[nameof(PageMetadata)] = new PageMetadata
        {
            Title = "Search",
            Description = "Search the comparisons: titles, section headings and text.",
            Canonical = urls.Absolute("/search"),
            NoIndex = true,
        };
        if (Query.Problem is not null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        Results = search.Find(Query);
        if (Results.Count == 0 && !Query.IsEmpty)
        {
            var published = library.Published.ToList();
            Suggestions =
                [.. published.OrderBy(a => a.Meta.Title, StringComparer.Ordinal).Take(site.Value.ListingPageSize)];
            MoreComparisons = published.Count - Suggestions.Count;
        }
    }
}
