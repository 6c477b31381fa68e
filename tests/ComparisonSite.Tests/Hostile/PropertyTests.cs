using ComparisonSite.Content;
using ComparisonSite.Figures;
using ComparisonSite.Markdown;
using ComparisonSite.Results.Import;
using CsCheck;

namespace ComparisonSite.Tests.Hostile;

/// <summary>
/// Random and mutated input for the parsers editors and importers feed: no exception escapes (errors are
/// values: diagnostics and import problems) and every run terminates.
/// </summary>
public sealed class PropertyTests
{
    // Characters that matter to the syntaxes involved, plus some that matter to nothing.
    private static readonly Gen<string> MarkdownText =
        Gen.String[Gen.Char["{}|#[]()<>*_`~!:-=\\\"'&\n\t .,0123456789abcdefghijklmnopqrstuvwxyz/$%^"], 0, 400];

    private static readonly string SeedJson =
        File.ReadAllText(SiteRoot.Locate(null).Combine("migrations/seed/bytepulse-2026-03.json"));

    [Fact]
    public void Any_markdown_parses_and_renders_against_the_store_without_throwing()
    {
        var snapshot = TestSnapshots.From(TestSnapshots.SeedDocument());
        var formatter = new FigureFormatter(CultureInfo.GetCultureInfo("en-US"));
        Gen.OneOf(
                MarkdownText,
                MarkdownText.Select(t => "{{value " + t + "}}"),
                MarkdownText.Select(t => "{{table " + t + "}}\n\n" + t))
            .Sample(text =>
            {
                var diagnostics = new List<ContentDiagnostic>();
                var document = ArticleMarkdown.Parse(text, "random.md", 1, diagnostics);
                var context = new FigureContext(snapshot, TestSnapshots.Article(), formatter, showErrors: true);
                var html = ArticleMarkdown.ToHtml(document, context);
                Assert.NotNull(html);
                Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
            }, iter: 2000);
    }

    [Fact]
    public void Any_front_matter_is_parsed_or_reported_never_thrown()
    {
        Gen.String[Gen.Char["-:[]{}&*!|>'\"#\n abc123"], 0, 300].Sample(text =>
        {
            var diagnostics = new List<ContentDiagnostic>();
            var document = FrontMatterDocument.Parse("---\n" + text + "\n---\nbody", "random.md", diagnostics);
            Assert.True(document is not null || diagnostics.Count > 0);
        }, iter: 2000);
    }

    [Fact]
    public void Mutated_run_documents_are_parsed_or_reported_never_thrown()
    {
        var mutationLists = Gen.Select(
                Gen.Int[0, SeedJson.Length - 1],
                Gen.Char[" {}[]\",:0-9e.\\aZ\u00e9"],
                Gen.Int[0, 3])
            .Array[1, 8];
        mutationLists.Sample(mutations =>
        {
            var text = new StringBuilder(SeedJson);
            foreach (var (position, character, kind) in mutations)
            {
                var at = Math.Min(position, text.Length - 1);
                _ = kind switch
                {
                    0 => text.Remove(at, 1),
                    1 => text.Insert(at, character),
                    2 => text.Remove(at, text.Length - at),
                    _ => text.Replace(text[at], character, at, 1),
                };
                if (text.Length == 0)
                {
                    break;
                }
            }

            var parsed = RunDocumentParser.Parse(Encoding.UTF8.GetBytes(text.ToString()));
            Assert.True(parsed.Succeeded || parsed.Problems.Count > 0);
        }, iter: 2000);
    }

    [Fact]
    public void Any_csv_is_parsed_or_reported_never_thrown()
    {
        var run = new RunInfo
        {
            Id = "r",
            Title = "t",
            Date = new DateOnly(2026, 1, 1),
            Source = "s",
            Origin = RunOrigin.Measured,
        };
        Gen.String[Gen.Char["framework,scenario,metric,value\"\r\n 0123456789.e-abc"], 0, 300].Sample(text =>
        {
            var parsed = CsvRunParser.Parse(new StringReader(text), "s", null, run);
            Assert.True(parsed.Succeeded || parsed.Problems.Count > 0);
        }, iter: 2000);
    }
}
