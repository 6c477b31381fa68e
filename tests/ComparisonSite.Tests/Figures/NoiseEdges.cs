using AngleSharp.Dom;
using ComparisonSite.Figures;
using ComparisonSite.Figures.Claims;
using ComparisonSite.Markdown;
using ComparisonSite.Results.Import;
using ComparisonSite.Results.Store;

namespace ComparisonSite.Tests.Figures;

/// <summary>
/// Fixtures/noise: a measured run with one scenario per edge of the noise rule (ranges apart, touching, one
/// sample, no samples, …) and a reported run without samples beside it, and Markdown rendered against them.
/// </summary>
internal static class NoiseEdges
{
    private static readonly ResultsSnapshot Snapshot = TestSnapshots.From(Fixture("measured"), Fixture("reported"));
    private static readonly ResultsSnapshot ReportedOnly = TestSnapshots.From(Fixture("reported"));

    /// <summary>
    /// Renders Markdown as an article whose references read the measured run, in en-US; returns the page and the
    /// render's context (its problems and readings).
    /// </summary>
    public static (IDocument Page, FigureContext Context) Render(
        string markdown, bool showErrors, IReadOnlyList<SourceClaim>? claims = null, bool withMeasuredRun = true)
    {
        var diagnostics = new List<ContentDiagnostic>();
        var document = ArticleMarkdown.Parse(markdown, "test.md", 1, diagnostics);
        Assert.Empty(diagnostics);
        var article = TestSnapshots.Article("noise-edges") with { Origin = RunOrigin.Measured, Claims = claims };
        var formatter = new FigureFormatter(CultureInfo.GetCultureInfo("en-US"));
        var context = new FigureContext(withMeasuredRun ? Snapshot : ReportedOnly, article, formatter, showErrors);
        return (new HtmlParser().ParseDocument(ArticleMarkdown.ToHtml(document, context)), context);
    }

    private static RunDocument Fixture(string origin) => RunDocumentParser.Parse(
        File.ReadAllBytes(Path.Combine(FixturePaths.Root, "noise", $"noise-edges-{origin}.json"))).Document!;
}
