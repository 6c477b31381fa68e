using ComparisonSite.Content;
using ComparisonSite.Figures;
using ComparisonSite.Figures.Claims;
using ComparisonSite.Results.Store;

namespace ComparisonSite.Articles;

/// <summary>What the comparison page shows: an article rendered to HTML against one results snapshot.</summary>
public sealed record ArticlePage(
    ComparisonArticle Article,
    string SummaryHtml,
    IReadOnlyList<RenderedSection> Sections,
    RunResults? CitedRun,
    IReadOnlyList<FaqEntry> Faq,
    DateTimeOffset? DataChangedAt)
{
    public ArticleFrontMatter Meta => Article.Meta;

    /// <summary>
    /// Roughly what the page holds in memory: its HTML and figure text as UTF-16, twice over for the objects and
    /// collections around them. What the render cache counts against its bound.
    /// </summary>
    public long EstimatedBytes =>
        4L * (SummaryHtml.Length + Sections.Sum(s => (long)s.Html.Length)
            + Figures.Sum(f => (long)f.Html.Length + (f.Svg?.Length ?? 0)
                + f.Data.Rows.Sum(r => r.Sum(c => (long)c.Length + 8)))
            + Faq.Sum(f => (long)f.Question.Length + f.Answer.Length) + (HeadlineHtml?.Length ?? 0));

    public DateTimeOffset Published => new(Meta.Published.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>
    /// The later of the article's updated date and the last change of the data of any run it cites: either makes
    /// the page new (re-importing identical data does not).
    /// </summary>
    public DateTimeOffset Modified => ModifiedAt(Meta, DataChangedAt);

    public static DateTimeOffset ModifiedAt(ArticleFrontMatter meta, DateTimeOffset? dataChangedAt)
    {
        var updated = new DateTimeOffset(meta.Updated.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        return dataChangedAt is { } changed && changed > updated ? changed : updated;
    }

    /// <summary>Dated notices near the top: data older than the article allows, or overtaken pinned runs.</summary>
    public IReadOnlyList<FreshnessNotice> FreshnessNotices { get; init; } = [];

    /// <summary>The runs the article cites, with their import and change dates, for the "Data updates" block.</summary>
    public IReadOnlyList<DataUpdate> DataUpdates { get; init; } = [];

    /// <summary>Every chart, trend and table of the page, by permanent id: for links, embeds and downloads.</summary>
    public IReadOnlyList<RenderedFigure> Figures { get; init; } = [];

    /// <summary>
    /// The headline figure line (front matter <c>headline</c>) as inline HTML, its figures computed like the
    /// prose's; null when the article has none.
    /// </summary>
    public string? HeadlineHtml { get; init; }

    /// <summary>
    /// The source's claims checked against our measured run, when the page shows the check (<c>{{claims}}</c>):
    /// what the home page's summary line and the <c>ClaimReview</c> structured data say.
    /// </summary>
    public ClaimCheck? Claims { get; init; }

    /// <summary>Only pages with a cost calculator load calculator.js.</summary>
    public bool HasCalculator { get; init; }

    /// <summary>Only pages with charts load Chart.js.</summary>
    public bool HasCharts => Sections.Any(s => s.HasCharts);
}

/// <summary>A question of a FAQ section and its answer as plain text, exactly as the page words it.</summary>
public sealed record FaqEntry(string Question, string Answer);

/// <summary>One section of the page: its heading, its anchor for the table of contents, and its body.</summary>
public sealed record RenderedSection(string Title, string Anchor, string Html, bool HasCharts);
