using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using ComparisonSite.Figures;
using ComparisonSite.Markdown;
using ComparisonSite.Markdown.DataReferences;
using ComparisonSite.Results.Store;

namespace ComparisonSite.Tests.Markdown;

/// <summary>
/// docs/data-references.md is both the editors' reference for the <c>{{…}}</c> syntax and this test: every
/// example is rendered with the site's pipeline against the seed run and a measured fixture run, in an article whose
/// front matter says <c>origin: reported</c>, and must show what the document says.
/// </summary>
public sealed partial class DataReferenceSpecTests
{
    private static readonly string SpecPath = SiteRoot.Locate(null).Combine("docs/data-references.md");
    private static readonly IReadOnlyList<SpecExample> Spec = SpecExample.Read(SpecPath);
    private static readonly ResultsSnapshot Seed =
        TestSnapshots.From(TestSnapshots.SeedDocument(), TestSnapshots.MeasuredFixture());

    public static TheoryData<string> Examples => [.. Spec.Select(e => e.Name)];

    [Theory]
    [MemberData(nameof(Examples))]
    public void The_example_renders_as_the_spec_shows(string name)
    {
        var example = Assert.Single(Spec, e => e.Name == name);
        var diagnostics = new List<ContentDiagnostic>();
        var document = ArticleMarkdown.Parse(example.Markdown, "spec.md", 1, diagnostics);
        Assert.Empty(diagnostics);
        var formatter = new FigureFormatter(CultureInfo.GetCultureInfo("en-US"));
        var context = new FigureContext(Seed, TestSnapshots.ReportedArticle(), formatter, showErrors: false)
        {
            ArticleFigures = true,
        };

        var html = ArticleMarkdown.ToHtml(document, context);

        var actual = example.ExpectedKind == "html" ? html : new HtmlParser().ParseDocument(html).Body!.TextContent;
        Assert.True(
            Collapse(example.Expected) == Collapse(actual),
            $"docs/data-references.md line {example.Line}, expected:\n{example.Expected}\nactual:\n{actual}");
    }

    [Fact]
    public void The_spec_has_an_example_of_every_reference_kind_and_of_an_unresolved_reference()
    {
        var kinds = Spec
            .SelectMany(e => DataReferencePolicy.References(ArticleMarkdown.Parse(e.Markdown, "spec.md", 1, [])))
            .Select(r => r.Kind)
            .ToHashSet();

        Assert.Equal(Enum.GetValues<DataReferenceKind>().ToHashSet(), kinds);
        Assert.Contains(Spec, e => e.Expected.Contains("n/a", StringComparison.Ordinal));
    }

    // Whitespace runs count as one space, so the spec can wrap long markup and write a no-break space (between
    // a number and its unit) as a plain one; everything else must match exactly.
    private static string Collapse(string text) => Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
