using ComparisonSite.Content;
using ComparisonSite.Results.Store;

namespace ComparisonSite.Articles;

/// <summary>
/// The article's "Data updates": every run it cites with when it was imported and when its data last changed,
/// newest change first, each linking its run page.
/// </summary>
public static class DataUpdates
{
    /// <summary>The block's id in the article, which the feed links.</summary>
    public const string Anchor = "data-updates";


    public static IReadOnlyList<DataUpdate> Of(ComparisonArticle article, ResultsSnapshot snapshot) =>
        [.. ArticleRuns.Shown(article, snapshot)
            .OrderByDescending(r => r.Run.ChangedAt)
            .ThenBy(r => r.Run.Id, StringComparer.Ordinal)
            .Select(r => new DataUpdate(r.Run, SiteAddresses.Run(article.Slug, r.Run.Id)))];
}

/// <summary>One line of the "Data updates" block: a cited run and the address of its page.</summary>
public sealed record DataUpdate(StoredRun Run, string RunPath);
