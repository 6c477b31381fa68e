using System.Runtime.CompilerServices;
using ComparisonSite.Content;
using ComparisonSite.Results.Store;

namespace ComparisonSite.Articles;

/// <summary>
/// The runs a comparison cites: its default run (front matter <c>suite:</c> and <c>origin:</c>), which its
/// downloads and structured data describe, and every run its references read (<c>origin=</c>, <c>origins=</c>,
/// <c>run=</c>, <c>agreement</c>), which its date and cache version follow.
/// </summary>
public static class ArticleRuns
{
    // The selectors depend only on the article's parsed files, so they are worked out once per loaded article.
    private static readonly ConditionalWeakTable<ComparisonArticle, IReadOnlyList<RunSelector>> SelectorsOf = [];

    /// <summary>The run a reference that names neither a run nor an origin reads.</summary>
    public static RunResults? Default(ComparisonArticle article, ResultsSnapshot? snapshot) =>
        snapshot?.RunFor(article.Meta.Suite, new RunSelector(Origin: article.Meta.Origin));

    /// <summary>
    /// Every run the article's figures read, the default first, one entry per distinct selector: null where the
    /// store has no such run (yet), so a version built from these changes when it appears.
    /// </summary>
    public static IReadOnlyList<RunResults?> Cited(ComparisonArticle article, ResultsSnapshot snapshot) =>
        [.. Selectors(article).Select(s => snapshot.RunFor(article.Meta.Suite, s))];

    /// <summary>The runs the article shows, each once, in the order of <see cref="Cited"/>.</summary>
    public static IReadOnlyList<RunResults> Shown(ComparisonArticle article, ResultsSnapshot snapshot) =>
        [.. Cited(article, snapshot).OfType<RunResults>().DistinctBy(r => r.Run.Id, StringComparer.Ordinal)];

    /// <summary>The latest change of the data of any run the article cites, or null when it cites none.</summary>
    public static DateTimeOffset? DataChangedAt(ComparisonArticle article, ResultsSnapshot? snapshot) =>
        snapshot is null ? null
        : Cited(article, snapshot).OfType<RunResults>().Select(r => (DateTimeOffset?)r.Run.ChangedAt).Max();

    /// <summary>
    /// The suites whose runs the article's data page lists: its own suite, then that of any run it pins from
    /// another suite with run=ID.
    /// </summary>
    public static IReadOnlyList<string> Suites(ComparisonArticle article, ResultsSnapshot snapshot) =>
        [.. Cited(article, snapshot).OfType<RunResults>().Select(r => r.Run.Suite)
            .Prepend(article.Meta.Suite).Distinct(StringComparer.Ordinal)];

    /// <summary>
    /// Every run of the article's suites, newest first within each suite: what its data page lists, its run pages
    /// show and its downloads serve.
    /// </summary>
    public static IEnumerable<RunResults> All(ComparisonArticle article, ResultsSnapshot snapshot) =>
        Suites(article, snapshot).SelectMany(snapshot.RunsOf);

    /// <summary>
    /// When anything the data page shows last changed: a run's data, or a run's removal (so Last-Modified never
    /// goes back when the newest run is removed). Null when the suites hold no runs and none were removed.
    /// </summary>
    public static DateTimeOffset? HistoryChangedAt(ComparisonArticle article, ResultsSnapshot snapshot)
    {
        var suites = Suites(article, snapshot);
        return All(article, snapshot).Select(r => (DateTimeOffset?)r.Run.ChangedAt)
            .Concat(snapshot.RemovedById.Values.Where(r => suites.Contains(r.Suite))
                .Select(r => (DateTimeOffset?)r.RemovedAt))
            .Max();
    }

    private static IReadOnlyList<RunSelector> Selectors(ComparisonArticle article) =>
        SelectorsOf.GetValue(article, a =>
        {
            var articleDefault = new RunSelector(Origin: a.Meta.Origin);
            return [.. a.References.Selectors
                .Select(s => s.Or(a.Meta.Origin))
                .Prepend(articleDefault)
                .Distinct()];
        });
}
