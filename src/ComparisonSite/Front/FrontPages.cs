using System.Runtime.CompilerServices;
using ComparisonSite.Articles;
using ComparisonSite.Content;
using ComparisonSite.Results.Store;
using Microsoft.Extensions.Options;

namespace ComparisonSite.Front;

/// <summary>
/// What the home page and the tag pages list, built from the live content and results snapshots. Headlines come
/// from <see cref="ArticlePageRenderer"/>, so they are the very figures the article shows (and share its render
/// cache); the pages themselves are kept by the page cache under the listing version.
/// </summary>
public sealed class FrontPages(
    ContentLibrary library, ResultsStore results, ArticlePageRenderer renderer, IOptions<SiteOptions> site)
{
    private readonly ConditionalWeakTable<ContentSnapshot, Listing> _listings = [];
    private readonly ConditionalWeakTable<ContentSnapshot, LatestUpdatesOf> _latest = [];

    /// <summary>How many runs the home page's "Latest data updates" lists.</summary>
    public const int LatestUpdateCount = 5;

    /// <summary>
    /// Page <paramref name="number"/> of the published comparisons, newest update first, then by title; null when
    /// there is no such page (page 1 always exists, empty when nothing is published).
    /// </summary>
    public ListingPage? Page(int number) => Page(Listings().All, number, "/");

    /// <summary>
    /// Page <paramref name="number"/> of the published comparisons tagged <paramref name="tagSlug"/>; null when no
    /// comparison carries the tag or there is no such page.
    /// </summary>
    public ListingPage? TaggedPage(string tagSlug, int number) =>
        Listings().ByTag.TryGetValue(tagSlug, out var tagged)
            ? Page(tagged, number, SiteAddresses.Tag(tagSlug))
            : null;

    /// <summary>Every tag of a published comparison, with how many carry it, by name.</summary>
    public IReadOnlyList<TagCount> Tags() => Listings().Tags;

    // Only the page's own entries are worked out: each costs its article's render, the order costs none.
    private ListingPage? Page(IReadOnlyList<ComparisonArticle> articles, int number, string firstPage)
    {
        var size = site.Value.ListingPageSize;
        var pageCount = Math.Max(1, (articles.Count + size - 1) / size);
        if (number < 1 || number > pageCount)
        {
            return null;
        }

        var snapshot = results.Current;
        var first = (number - 1) * size;
        var entries = articles.Skip(first).Take(size).Select(a => Entry(a, snapshot)).ToList();
        return new ListingPage(entries, number, pageCount, articles.Count, first + 1, firstPage);
    }

    // The orders every listing page reads, worked out once per content snapshot rather than per request.
    private Listing Listings()
    {
        var content = library.Current;
        return _listings.GetValue(content, c => Listing.Of(library.PublishedIn(c)));
    }

    private sealed record Listing(
        IReadOnlyList<ComparisonArticle> All,
        IReadOnlyDictionary<string, IReadOnlyList<ComparisonArticle>> ByTag,
        IReadOnlyList<TagCount> Tags)
    {
        public static Listing Of(IEnumerable<ComparisonArticle> published)
        {
            List<ComparisonArticle> all = [.. published
                .OrderByDescending(a => a.Meta.Updated)
                .ThenBy(a => a.Meta.Title, StringComparer.Ordinal)
                .ThenBy(a => a.Slug, StringComparer.Ordinal)];
            var byTag = all
                .SelectMany(a => a.Meta.Tags.Select(t => (Tag: t, Article: a)))
                .GroupBy(t => t.Tag.Slug, StringComparer.Ordinal)
                .ToDictionary(
                    g => g.Key,
                    g => (IReadOnlyList<ComparisonArticle>)[.. g.Select(t => t.Article).Distinct()],
                    StringComparer.Ordinal);
            List<TagCount> tags = [.. all.SelectMany(a => a.Meta.Tags)
                .GroupBy(t => t.Slug, StringComparer.Ordinal)
                .Select(g => new TagCount(g.First(), byTag[g.Key].Count))
                .OrderBy(t => t.Tag.Name, StringComparer.OrdinalIgnoreCase)
                .ThenBy(t => t.Tag.Slug, StringComparer.Ordinal)];
            return new Listing(all, byTag, tags);
        }
    }

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

        var content = library.Current;
        if (_latest.TryGetValue(content, out var known) && ReferenceEquals(known.Snapshot, snapshot))
        {
            return known.Updates;
        }

        List<SiteDataUpdate> updates = [.. library.PublishedIn(content)
            .OrderBy(a => a.Slug, StringComparer.Ordinal)
            .SelectMany(a => ArticleRuns.All(a, snapshot).Select(r => new SiteDataUpdate(
                r.Run, SiteAddresses.Run(a.Slug, r.Run.Id), a)))
            .DistinctBy(u => u.Run.Id, StringComparer.Ordinal)
            .OrderByDescending(u => u.Run.ImportStamp)
            .ThenBy(u => u.Run.Id, StringComparer.Ordinal)
            .Take(LatestUpdateCount)];
        _latest.AddOrUpdate(content, new LatestUpdatesOf(snapshot, updates));
        return updates;
    }

    private sealed record LatestUpdatesOf(ResultsSnapshot Snapshot, IReadOnlyList<SiteDataUpdate> Updates);

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
