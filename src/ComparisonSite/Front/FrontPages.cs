using ComparisonSite.Articles;
using ComparisonSite.Content;
using ComparisonSite.Results.Store;

namespace ComparisonSite.Front;

/// <summary>
/// What the home page and the tag pages list, built from the live content and results snapshots. Headlines come
/// from <see cref="ArticlePageRenderer"/>, so they are the very figures the article shows (and share its render
/// cache); the pages themselves are kept by the page cache under the listing version.
/// </summary>
public sealed class FrontPages(ContentLibrary library, ResultsStore results, ArticlePageRenderer renderer)
{
    /// <summary>How many runs the home page's "Latest data updates" lists.</summary>
    public const int LatestUpdateCount = 5;

    /// <summary>Published comparisons, newest update first, then by title.</summary>
    public IReadOnlyList<ComparisonEntry> Entries() => Entries(library.Published);

    /// <summary>The published comparisons tagged <paramref name="tagSlug"/>; empty when none carries it.</summary>
    public IReadOnlyList<ComparisonEntry> Tagged(string tagSlug) =>
        Entries(library.Published.Where(a => a.Meta.Tags.Any(t => t.Slug == tagSlug)));

    /// <summary>Every tag of a published comparison, with how many carry it, by name.</summary>
    public IReadOnlyList<TagCount> Tags() =>
        [.. library.Published.SelectMany(a => a.Meta.Tags)
            .GroupBy(t => t.Slug, StringComparer.Ordinal)
            .Select(g => new TagCount(g.First(), g.Count()))
            .OrderBy(t => t.Tag.Name, StringComparer.OrdinalIgnoreCase)
            .ThenBy(t => t.Tag.Slug, StringComparer.Ordinal)];

    /// <summary>
    /// The runs the published comparisons show, newest import first, each once, linking its page under the first
    /// comparison (by slug) that shows it.
    /// </summary>
    public IReadOnlyList<SiteDataUpdate> LatestUpdates()
    {
        if (results.Current is not { } snapshot)
        {
            return [];
        }

        return [.. library.Published
            .OrderBy(a => a.Slug, StringComparer.Ordinal)
            .SelectMany(a => ArticleRuns.All(a, snapshot).Select(r => new SiteDataUpdate(
                r.Run, SiteAddresses.Run(a.Slug, r.Run.Id), a)))
            .DistinctBy(u => u.Run.Id, StringComparer.Ordinal)
            .OrderByDescending(u => u.Run.ImportStamp)
            .ThenBy(u => u.Run.Id, StringComparer.Ordinal)
            .Take(LatestUpdateCount)];
    }

    private List<ComparisonEntry> Entries(IEnumerable<ComparisonArticle> articles)
    {
        var snapshot = results.Current;
        return [.. articles
            .OrderByDescending(a => a.Meta.Updated)
            .ThenBy(a => a.Meta.Title, StringComparer.Ordinal)
            .Select(a => Entry(a, snapshot))];
    }

    private ComparisonEntry Entry(ComparisonArticle article, ResultsSnapshot? snapshot)
    {
        if (snapshot is null)
        {
            // The store was down at start-up: the entry still links the article, without figures.
            return new ComparisonEntry(article, null, null);
        }

        var page = renderer.Render(article, snapshot);
        var lastUpdate = page.DataUpdates.Count > 0 ? page.DataUpdates[0].Run : null;
        return new ComparisonEntry(article, page.HeadlineHtml, lastUpdate, page.Claims);
    }
}
