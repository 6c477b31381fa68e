using AngleSharp.Html.Parser;
using ComparisonSite.Figures;
using ComparisonSite.Markdown;

namespace ComparisonSite.Tests.Commands;

/// <summary>
/// Issue 30: <c>check</c> reads the prose as well as the figures. A sentence that names a framework and claims
/// performance needs a data reference, an attribution or an editor's <c>{{reviewed: REASON}}</c> mark; questions
/// and sentences about no framework are not claims. The repository's own article passes (CheckCommandTests).
/// </summary>
public sealed class ClaimCheckTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    [Fact]
    public async Task Unattributed_claims_are_warnings_with_file_line_and_words_and_errors_under_strict()
    {
        var content = Path.Combine(FixturePaths.Root, "claims-site", "content");
        var database = await postgres.CreateDatabaseAsync();

        var check = await SiteProcess.RunVerbAsync(database, "check", "--content", content);
        var strict = await SiteProcess.RunVerbAsync(database, "check", "--strict", "--content", content);

        var file = Path.GetRelativePath(SiteRoot.Locate(null).Path, content).Replace('\\', '/')
            + "/unattributed-claims/01-speed.md";
        const string Advice = " with no data reference and no attribution in its sentence; take the figure from the "
            + "store ({{ratio …}}, {{best …}}, {{ranking …}}), say whose claim it is (\"the source reports …\"), "
            + "or mark it {{reviewed: REASON}}";
        Assert.Equal(
        [
            $"{file}:6: warning: a performance claim ('fastest', 'by a wide margin'){Advice}",
            // "It" speaks of Django, named before it in the paragraph.
            $"{file}:8: warning: a performance claim ('slower'){Advice}",
            $"{file}:10: warning: a performance claim ('lightest'){Advice}",
            "1 comparisons checked: 0 errors, 3 warnings.",
        ], check.Output.Trim().Split('\n'));
        Assert.Equal(0, check.ExitCode);
        Assert.Equal(1, strict.ExitCode);
        Assert.EndsWith(
            "1 comparisons checked: 0 errors, 3 warnings (strict: warnings count as errors).", strict.Output.Trim(),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_claim_the_store_cannot_check_is_an_error_at_its_line_of_index_md()
    {
        var content = Path.Combine(FixturePaths.Root, "claim-errors-site", "content");
        var database = await postgres.CreateSeededDatabaseAsync();

        var check = await SiteProcess.RunVerbAsync(database, "check", "--content", content);

        var file = Path.GetRelativePath(SiteRoot.Locate(null).Path, content).Replace('\\', '/')
            + "/unknown-claims/index.md";
        Assert.Equal(
        [
            $"{file}:12: error: claim 'Pyramid leads the JSON endpoint': unknown framework 'pyramid' "
                + "(known: django, django-asgi, fastapi, flask)",
            $"{file}:15: error: claim 'FastAPI has the least jitter': unknown metric 'jitter' "
                + "(known: cold-start, connections, memory, p50, p99, round-trips, rps, score, server-cost)",
            $"{file}:18: error: claim 'The source rates FastAPI highest': 'score' is not a measurement but a rating: "
                + "a performance claim is checked against measurements",
            "1 comparisons checked: 3 errors, 0 warnings.",
        ], check.Output.Trim().Split('\n'));
        Assert.Equal(1, check.ExitCode);
    }

    [Fact]
    public void A_reviewed_mark_renders_nothing_and_needs_a_reason()
    {
        var diagnostics = new List<ContentDiagnostic>();
        var document = ArticleMarkdown.Parse(
            "Flask is leaner.{{reviewed: the docs' own words, quoted}}\n\nDjango is heavier.{{reviewed:}}",
            "a.md",
            4,
            diagnostics);
        var context = new FigureContext(
            TestSnapshots.From(TestSnapshots.SeedDocument()),
            TestSnapshots.Article(),
            new FigureFormatter(CultureInfo.GetCultureInfo("en-US")),
            showErrors: false);

        var html = new HtmlParser().ParseDocument(ArticleMarkdown.ToHtml(document, context));

        Assert.Equal(
            ["a.md:6: error: {{reviewed: …}} needs a reason, e.g. {{reviewed: popularity, not performance}}"],
            diagnostics.Select(d => d.ToString()));
        Assert.Equal("Flask is leaner.", html.QuerySelectorAll("p")[0].TextContent);
    }
}
