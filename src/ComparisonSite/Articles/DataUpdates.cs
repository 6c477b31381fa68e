using ComparisonSite.Content;
using ComparisonSite.Results.Store;

namespace ComparisonSite.Articles;

/// <summary>
/// The article's "Data updates": every run it cites with when it was imported and when its data last changed,
/// newest change first, each linking its run page.
/// </summary>
public static class DataUpdates
{
    /// <summary>The permanent page of a run within a comparison.</summary>
    public static string RunPath(string slug, string runId) => $"/{slug}/runs/{runId}";

    public static IReadOnlyList<DataUpdate> Of(ComparisonArticle article, ResultsSnapshot snapshot) =>
        [.. ArticleRuns.Shown(article, snapshot)
            .OrderByDescending(r => r.Run.ChangedAt)
            .ThenBy(r => r.Run.Id, StringComparer.Ordinal)
            .Select(r => new DataUpdate(r.Run, RunPath(article.Slug, r.Run.Id)))];
}

/// <summary>One line of the "Data updates" block: a cited run and the address of its page.</summary>
public sealed record DataUpdate(StoredRun Run, string RunPath);
