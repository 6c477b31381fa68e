using ComparisonSite.Content;
using ComparisonSite.Results.Store;

namespace ComparisonSite.Runs;

/// <summary>
/// A comparison's data page: the runs of each suite it cites, newest first, and their trends. Modified is when a
/// run of these suites last changed or was removed (null when there are none).
/// </summary>
public sealed record DataPage(ComparisonArticle Article, IReadOnlyList<SuiteHistory> Suites, DateTimeOffset? Modified)
{
    /// <summary>Only a page with a trend loads Chart.js.</summary>
    public bool HasCharts => Suites.Any(s => s.Trends.Count > 0);
}

/// <summary>
/// One suite's runs, newest first, and a trend per scenario and metric with two or more comparable runs, up to the
/// page budget of points; <see cref="TrendsNotDrawn"/> counts the trends past it.
/// </summary>
public sealed record SuiteHistory(
    string Suite, IReadOnlyList<RunEntry> Runs, IReadOnlyList<RunFigure> Trends, int TrendsNotDrawn = 0);

/// <summary>
/// A line of the data page: a run with the addresses of its page, downloads and difference from Previous, the run
/// before it of the same origin (null for the first of its origin; DifferenceHref is then null too).
/// </summary>
public sealed record RunEntry(
    RunResults Run,
    string PageHref,
    string CsvHref,
    string JsonHref,
    StoredRun? Previous,
    string? DifferenceHref,
    string Environment);

/// <summary>A figure with the heading it stands under.</summary>
public sealed record RunFigure(string Heading, string Html);

/// <summary>
/// A run's permanent page, or one part of it (<see cref="Parts"/>) when the run has more measurements than a page
/// shows: its figures, environment, downloads and citation.
/// </summary>
public sealed record RunPage(
    ComparisonArticle Article,
    RunResults Run,
    IReadOnlyList<RunFigure> Tables,
    IReadOnlyList<RunFigure> Charts,
    IReadOnlyList<RunFigure> Scaling,
    string EnvironmentHtml,
    string CsvHref,
    string JsonHref,
    string DataPageHref,
    string PermanentUrl,
    RunCitation Citation,
    PartNavigation Parts);

public enum RunStatus
{
    Found,
    Removed,
    NotFound,

    /// <summary>A run of the comparison, but a part number it does not have (404).</summary>
    NoSuchPart,
}

/// <summary>What a run id from a URL names: a run page, a removed run, or nothing of this comparison.</summary>
public sealed record RunLookup(RunStatus Status, RunPage? Page, RemovedRun? Removed);
