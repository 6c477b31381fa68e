using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using ComparisonSite.Articles;
using ComparisonSite.Content;
using ComparisonSite.Front;
using ComparisonSite.Results.Store;

namespace ComparisonSite.Caching;

/// <summary>
/// The version of what a page shows: for a comparison, its own files and the runs it cites; for
/// listings (home, sitemap, feed), all published content and all runs. Part of every output-cache key, so
/// once a snapshot is swapped in no request can be answered from an entry built from the old one.
/// </summary>
public sealed class PageVersions(ContentLibrary content, ResultsStore results, TimeProvider clock)
{
    public const string ListingTag = "listing";

    public static string ComparisonTag(string slug) => "comparison:" + slug;

    private readonly ConditionalWeakTable<ComparisonArticle, Known> _versions = [];

    // What the version is made of, each worked out again only when its own input changes: the data part when the
    // results snapshot does, the related part when the content snapshot does. A save then costs every other
    // comparison its related part only, and an import its data part only.
    private sealed record DataPart(ResultsSnapshot? Snapshot, string Version, IReadOnlyList<DateOnly> AgeLimitDays);

    private sealed record RelatedPart(ContentSnapshot Content, string Version);

    private sealed record Known(DataPart Data, RelatedPart Related, string Version);

    /// <summary>
    /// Computed once per article and snapshot: a cache hit must not pay for building its own key. Only the days
    /// on which a shown run passes the article's maxDataAge are counted per request, since no change marks them.
    /// </summary>
    public string ForComparison(ComparisonArticle article)
    {
        var snapshot = results.Current;
        var contentSnapshot = content.Current;
        _versions.TryGetValue(article, out var known);
        if (known is null || !ReferenceEquals(known.Data.Snapshot, snapshot)
            || !ReferenceEquals(known.Related.Content, contentSnapshot))
        {
            var data = known?.Data is { } d && ReferenceEquals(d.Snapshot, snapshot)
                ? d
                : new DataPart(
                    snapshot,
                    DataVersion(article, snapshot),
                    snapshot is null ? [] : ArticleFreshness.AgeLimitDays(article, snapshot));
            var related = known?.Related is { } r && ReferenceEquals(r.Content, contentSnapshot)
                ? r
                : new RelatedPart(contentSnapshot, RelatedVersion(RelatedComparisons.For(content, article)));
            known = new Known(
                data,
                related,
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"{ArticleVersion(article)}|{data.Version}|{related.Version}"));
            _versions.AddOrUpdate(article, known);
        }

        if (known.Data.AgeLimitDays.Count == 0)
        {
            return known.Version;
        }

        var today = ArticlePageRenderer.Today(clock);
        var passed = known.Data.AgeLimitDays.Count(d => d <= today);
        return string.Create(CultureInfo.InvariantCulture, $"{known.Version}|aged{passed}");
    }

    /// <summary>
    /// <see cref="DataVersion"/> at <paramref name="snapshot"/>, from the version this article's page keys on when
    /// that was worked out at the same snapshot: site search asks it of every comparison at each rebuild.
    /// </summary>
    public string DataVersionAt(ComparisonArticle article, ResultsSnapshot? snapshot) =>
        _versions.TryGetValue(article, out var known) && ReferenceEquals(known.Data.Snapshot, snapshot)
            ? known.Data.Version
            : DataVersion(article, snapshot);

    public string ForListing() =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{content.Current.LoadedAt.Ticks}|{results.Current?.LoadedAt.Ticks ?? 0}");

    /// <summary>
    /// Changes when any file of the comparison changes (a later write, or a section added or removed).
    /// </summary>
    public static string ArticleVersion(ComparisonArticle article) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{article.FilesModified.Ticks}.{article.Sections.Count}");

    /// <summary>
    /// Changes when the comparisons listed at the article's end change: which they are, or any file of one of
    /// them (its title or verdict line, say).
    /// </summary>
    public static string RelatedVersion(IEnumerable<ComparisonArticle> related) =>
        Digest(string.Join('+', related.Select(r => $"{r.Slug}.{ArticleVersion(r)}")));

    /// <summary>
    /// Changes when a run the article cites changes (its default run, a run it reads by origin, or one it pins
    /// with run=ID); when any run of its suites is imported, re-imported or removed (the data page, run pages and
    /// downloads under the comparison's address show them all); and when a newer run overtakes one it pins (the
    /// page then says so).
    /// </summary>
    public static string DataVersion(ComparisonArticle article, ResultsSnapshot? snapshot)
    {
        if (snapshot is null)
        {
            return "none";
        }

        var cited = ArticleRuns.Cited(article, snapshot).Select(r => r is null ? "-" : snapshot.RunVersion(r));
        var suites = ArticleRuns.Suites(article, snapshot);
        var removed = snapshot.RemovedById.Values.Where(r => suites.Contains(r.Suite))
            .Select(r => r.Id).Order(StringComparer.Ordinal);
        return Digest(string.Join('+', cited) + "|" + string.Join('+', ArticleRuns.All(article, snapshot)
            .Select(snapshot.RunVersion)) + "|" + string.Join('+', removed)
            + "|" + ArticleFreshness.OvertakingVersion(article, snapshot));
    }

    // A version spelled out names every run it depends on (about 500 characters for the seed), and every comparison
    // keeps its own: 128 bits of its SHA-256 tell versions apart as well, in 22 characters.
    private static string Digest(string version) =>
        Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(version)).AsSpan(0, 16)).TrimEnd('=');
}
