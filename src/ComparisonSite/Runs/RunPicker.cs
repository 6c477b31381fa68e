using ComparisonSite.Content;
using ComparisonSite.Figures;
using ComparisonSite.Results.Store;
using ComparisonSite.Runs;

namespace ComparisonSite.Runs;

/// <summary>
/// What the run pages' picker and their "not found" answer show: the comparison, its suite's runs newest first,
/// the pair picked (if any), and the consecutive pairs worth a link.
/// </summary>
public sealed record RunPicker(
    ComparisonArticle Article,
    IReadOnlyList<RunResults> Runs,
    IReadOnlyList<RunPair> Consecutive,
    FigureFormatter Formatter,
    string? A = null,
    string? B = null)
{
    public static RunPicker For(
        ComparisonArticle article, ResultsSnapshot snapshot, FigureFormatter formatter, string? a, string? b) =>
        new(article, snapshot.RunsOf(article.Meta.Suite), RunPairs.Consecutive(snapshot, article.Meta.Suite),
            formatter, a, b);

    public string Slug => Article.Slug;

    /// <summary>The comparison's data page: every run of its suite.</summary>
    public string DataPath => SiteAddresses.Data(Slug);

    public string RunPath(RunResults run) => SiteAddresses.Run(Slug, run.Run.Id);

    public string DifferencePath(RunPair pair) =>
        SiteAddresses.RunDifference(Slug, pair.Earlier.Run.Id, pair.Later.Run.Id);

    /// <summary>How a run is named in the picker and in links: date, title and origin.</summary>
    public string Label(RunResults run) =>
        $"{Formatter.Date(run.Run.Info.Date)}: {run.Run.Info.Title} ({Origin(run)})";

    public static string Origin(RunResults run) => run.Run.IsReported ? "reported" : "measured";
}

/// <summary>Why a pair of runs has no difference page, with the picker to choose another.</summary>
public sealed record RunPairNotFound(string Message, RunPicker Picker);
