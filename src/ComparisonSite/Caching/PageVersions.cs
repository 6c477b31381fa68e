using System.Globalization;
using ComparisonSite.Content;
using ComparisonSite.Results.Store;

namespace ComparisonSite.Caching;

/// <summary>
/// The version of what a page shows: for a comparison, its own files and the run its suite cites; for
/// listings (home, sitemap, feed), all published content and all runs. Part of every output-cache key, so
/// once a snapshot is swapped in no request can be answered from an entry built from the old one.
/// </summary>
public sealed class PageVersions(ContentLibrary content, ResultsStore results)
{
    public const string ListingTag = "listing";

    public static string ComparisonTag(string slug) => "comparison:" + slug;

    public static string SuiteTag(string suite) => "suite:" + suite;

    public string ForComparison(ComparisonArticle article) =>
        string.Create(CultureInfo.InvariantCulture, $"{ArticleVersion(article)}|{SuiteVersion(article.Meta.Suite, results.Current)}");

    public string ForListing() =>
        string.Create(CultureInfo.InvariantCulture, $"{content.Current.LoadedAt.Ticks}|{results.Current?.LoadedAt.Ticks ?? 0}");

    /// <summary>Changes when any file of the comparison changes (a later write, or a section added or removed).</summary>
    public static string ArticleVersion(ComparisonArticle article) =>
        string.Create(CultureInfo.InvariantCulture, $"{article.FilesModified.Ticks}.{article.Sections.Count}");

    /// <summary>Changes when the suite's cited run changes, or the catalog (names, units) does.</summary>
    public static string SuiteVersion(string suite, ResultsSnapshot? snapshot) => snapshot is null
        ? "none"
        : string.Create(CultureInfo.InvariantCulture, $"{snapshot.RunFor(suite)?.Run.Id}.{snapshot.RunFor(suite)?.Run.ImportedAt.Ticks}.{snapshot.CatalogVersion}");
}
