using AngleSharp.Dom;
using ComparisonSite.Figures;
using ComparisonSite.Markdown;
using ComparisonSite.Results.Import;
using ComparisonSite.Results.Store;

namespace ComparisonSite.Tests.Figures;

/// <summary>
/// <c>{{scaling FAMILY METRIC}}</c>: the levels of one test type as a line chart, and clear errors, naming what is
/// known, for a family or metric that is not.
/// </summary>
public sealed class ScalingFigureTests
{
    private static readonly RunDocument Levels = RunDocumentParser.Parse(
        File.ReadAllBytes(Path.Combine(FixturePaths.Root, "runs", "measured-2026-12-01.json"))).Document!;

    private static readonly ResultsSnapshot Snapshot = TestSnapshots.From(TestSnapshots.SeedDocument(), Levels);

    [Fact]
    public void A_family_at_three_levels_draws_a_line_per_framework_lowest_level_first()
    {
        var (html, context) = Render("{{scaling single-query rps origin=measured frameworks=flask,fastapi}}");

        Assert.Empty(context.Problems);
        var figure = Assert.Single(html.QuerySelectorAll("figure.scaling"));
        Assert.Equal("scaling-single-query-rps", figure.Id);
        Assert.Equal(2, figure.QuerySelectorAll(".chart-box svg .line").Length);
        Assert.Equal(
            ["flask", "fastapi"],
            figure.QuerySelectorAll("table.scaling-table tbody tr").Select(r => r.GetAttribute("data-framework")));
        Assert.Equal(
            ["2400", "3000", "2850"],
            figure.QuerySelectorAll("tr[data-framework='flask'] td data").Select(d => d.GetAttribute("value")));
        var rendered = Assert.Single(context.Figures);
        Assert.Equal("scaling", rendered.Kind);
        Assert.NotNull(rendered.Svg);
        Assert.Equal(
            ["Framework", "16 connections (req/s)", "64 connections (req/s)", "256 connections (req/s)"],
            rendered.Data.Columns);
    }

    [Theory]
    [InlineData(
        "{{scaling single-queries rps origin=measured}}", "unknown family 'single-queries' (known: single-query)")]
    [InlineData("{{scaling single-query speed origin=measured}}", "unknown metric 'speed' (known: ")]
    [InlineData("{{scaling single-query p99 origin=measured}}",
        "run 'measured-2026-12-01' has no values of p99 for family 'single-query' (its scenarios: single-query-c16, "
        + "single-query-c64, single-query-c256)")]
    public void An_unknown_family_or_metric_is_a_clear_error_naming_the_file_and_line(string reference, string message)
    {
        var (html, context) = Render(reference, showErrors: true);

        var problem = Assert.Single(context.Problems);
        Assert.Equal("test-comparison/03-speed.md", problem.File);
        Assert.Equal(10, problem.Line);
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
        Assert.NotNull(html.QuerySelector(".figure-error"));
        Assert.Null(html.QuerySelector("figure"));
    }

    [Theory]
    [InlineData("{{scaling single-query:rps}}", "scaling takes 2 arguments, found 1; write {{scaling FAMILY METRIC")]
    [InlineData("{{scaling single-query rps horizontal}}", "scaling takes 2 arguments, found 3")]
    [InlineData("{{scaling Single rps}}", "'Single' is not a slug")]
    [InlineData("{{scaling single-query rps layout=rows}}", "'layout=' is not an option of scaling")]
    public void A_malformed_scaling_reference_is_refused_when_the_article_is_read(string reference, string message)
    {
        var diagnostics = new List<ContentDiagnostic>();

        ArticleMarkdown.Parse(reference, "test.md", 10, diagnostics);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(10, diagnostic.Line);
        Assert.Contains(message, diagnostic.Message, StringComparison.Ordinal);
    }

    private static (IDocument Html, FigureContext Context) Render(string markdown, bool showErrors = false)
    {
        var diagnostics = new List<ContentDiagnostic>();
        var document = ArticleMarkdown.Parse(markdown, "test.md", 10, diagnostics);
        var context = new FigureContext(
            Snapshot,
            TestSnapshots.Article(),
            new FigureFormatter(CultureInfo.GetCultureInfo("en-US")),
            showErrors)
        {
            File = "test-comparison/03-speed.md",
            FirstLine = 10,
        };
        Assert.Empty(diagnostics);
        return (new HtmlParser().ParseDocument(ArticleMarkdown.ToHtml(document, context)), context);
    }
}
