using ComparisonSite.Content;
using ComparisonSite.Figures;
using ComparisonSite.Results.Import;
using ComparisonSite.Results.Store;

namespace ComparisonSite.Articles;

/// <summary>
/// Whether the figures an article shows are as fresh as it promises: a run it shows older than its front matter's
/// <c>maxDataAge</c> allows, or a run it pins with <c>run=</c> that a newer run of the same suite and origin has
/// overtaken. The page says so in a dated notice near the top; <c>check</c> warns with the file and line.
/// </summary>
public static class ArticleFreshness
{
    /// <summary>What the page says, one notice per stale run, in the order the article cites them.</summary>
    public static IReadOnlyList<FreshnessNotice> Notices(
        ComparisonArticle article, ResultsSnapshot snapshot, DateOnly today, FigureFormatter formatter)
    {
        var notices = new List<FreshnessNotice>();
        foreach (var (run, limit) in TooOld(article, snapshot, today))
        {
            var info = run.Run.Info;
            var newest = snapshot.RunsOf(run.Run.Suite).First(r => r.Run.Info.Origin == info.Origin) == run;
            var outlook = newest
                ? $"they are the newest {info.Origin.ToText()} figures we have, until a newer run is imported."
                : "a newer run exists, see below.";
            notices.Add(new FreshnessNotice(
                info.Date,
                $"The figures below from {Describe(info)} date from {formatter.Date(info.Date)}, older than the "
                + $"{limit.Days} days this comparison allows; {outlook}"));
        }

        foreach (var group in Overtaken(article, snapshot).GroupBy(o => o.Pinned.Run.Id, StringComparer.Ordinal))
        {
            var (pinned, newer, _) = group.First();
            var places = string.Join(", ", group.Select(o => o.Pin.Part).Distinct(StringComparer.Ordinal));
            notices.Add(new FreshnessNotice(
                pinned.Run.Info.Date,
                $"A newer run ({newer.Run.Id}, {formatter.Date(newer.Run.Info.Date)}) exists than the one cited "
                + $"in {places} ({pinned.Run.Id}, {formatter.Date(pinned.Run.Info.Date)}); those figures stay as "
                + "cited."));
        }

        return notices;
    }

    /// <summary>
    /// What <c>check</c> reports: a warning on the <c>maxDataAge</c> entry for each run older than it allows, and
    /// one on every <c>run=</c> reference that a newer run of its suite and origin has overtaken.
    /// </summary>
    public static IEnumerable<ContentDiagnostic> Warnings(
        ComparisonArticle article, ResultsSnapshot snapshot, DateOnly today)
    {
        var index = article.Folder + "/" + ComparisonLoader.IndexFile;
        foreach (var (run, limit) in TooOld(article, snapshot, today))
        {
            var info = run.Run.Info;
            var age = today.DayNumber - info.Date.DayNumber;
            yield return ContentDiagnostic.Warning(
                index,
                limit.Line,
                $"run {info.Id} of {limit.Suite} is dated {SiteDates.Iso(info.Date)}, {age} days ago, older than the "
                + $"{limit.Days} days maxDataAge allows; import a newer run or raise the limit");
        }

        foreach (var (pinned, newer, pin) in Overtaken(article, snapshot))
        {
            var origin = pinned.Run.Info.Origin.ToText();
            yield return ContentDiagnostic.Warning(
                pin.File,
                pin.Line,
                $"run={pinned.Run.Id} ({SiteDates.Iso(pinned.Run.Info.Date)}) is not the newest {origin} run of "
                + $"{pinned.Run.Suite}: {newer.Run.Id} ({SiteDates.Iso(newer.Run.Info.Date)}) is newer; cite it, "
                + $"or name origin={origin} to follow the newest");
        }
    }

    /// <summary>
    /// The days on which a run the article shows becomes too old, earliest first: a cached page must change on
    /// each of them even though neither the article nor the store did.
    /// </summary>
    public static IReadOnlyList<DateOnly> AgeLimitDays(ComparisonArticle article, ResultsSnapshot snapshot) =>
        [.. ArticleRuns.Shown(article, snapshot)
            .SelectMany(r => article.Meta.MaxDataAge.Where(l => l.Suite == r.Run.Suite)
                .Select(l => r.Run.Info.Date.AddDays(l.Days + 1)))
            .Distinct()
            .Order()];

    /// <summary>
    /// The runs that overtake the article's pinned runs (they are not cited, so the cited runs' versions do not
    /// show them arriving): part of the page's data version.
    /// </summary>
    public static string OvertakingVersion(ComparisonArticle article, ResultsSnapshot snapshot) =>
        string.Join(
            '+',
            Overtaken(article, snapshot).Select(o => o.Newer.Run.Id).Distinct(StringComparer.Ordinal));

    private static IEnumerable<(RunResults Run, DataAgeLimit Limit)> TooOld(
        ComparisonArticle article, ResultsSnapshot snapshot, DateOnly today) =>
        article.Meta.MaxDataAge.Count == 0
            ? []
            : ArticleRuns.Shown(article, snapshot).SelectMany(r => article.Meta.MaxDataAge
                .Where(l => l.Suite == r.Run.Suite && today.DayNumber - r.Run.Info.Date.DayNumber > l.Days)
                .Select(l => (r, l)));

    /// <summary>
    /// Each run=ID reference whose run a newer run of the same suite and origin follows in
    /// <see cref="ResultsSnapshot.RunsOf"/>, with the newest such run.
    /// </summary>
    private static IEnumerable<(RunResults Pinned, RunResults Newer, ArticlePin Pin)> Overtaken(
        ComparisonArticle article, ResultsSnapshot snapshot)
    {
        foreach (var pin in article.References.Pins)
        {
            if (snapshot.RunsById.GetValueOrDefault(pin.RunId) is not { } pinned)
            {
                continue;
            }

            var newer = snapshot.RunsOf(pinned.Run.Suite)
                .TakeWhile(r => r.Run.Id != pinned.Run.Id)
                .FirstOrDefault(r => r.Run.Info.Origin == pinned.Run.Info.Origin);
            if (newer is not null)
            {
                yield return (pinned, newer, pin);
            }
        }
    }

    private static string Describe(RunInfo info) =>
        info.Origin == RunOrigin.Reported ? $"{info.Source}'s run “{info.Title}”" : $"our run “{info.Title}”";
}

/// <summary>A dated notice at the top of an article: what is not as fresh as it should be, in a sentence.</summary>
/// <param name="DatedFrom">The date of the figures the notice is about.</param>
/// <param name="Text">The sentence the reader sees.</param>
public sealed record FreshnessNotice(DateOnly DatedFrom, string Text);
