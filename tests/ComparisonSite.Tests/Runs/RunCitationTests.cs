using ComparisonSite.Results.Import;
using ComparisonSite.Results.Store;
using ComparisonSite.Runs;

namespace ComparisonSite.Tests.Runs;

public sealed class RunCitationTests
{
    private const string Url = "https://comparisons.example/fastapi-vs-django-vs-flask/runs/measured-2026-11-27";

    [Fact]
    public void A_measured_run_cites_source_title_date_and_permanent_url()
    {
        var run = Run("Our run on a 2-core machine", "ComparisonSite", RunOrigin.Measured);

        var citation = RunCitation.For(run, Url, "ComparisonSite", CultureInfo.GetCultureInfo("en-US"));

        Assert.Equal(
            "ComparisonSite (2026). Our run on a 2-core machine [benchmark run measured-2026-11-27, November 27, "
            + $"2026]. ComparisonSite. {Url}",
            citation.PlainText);
        Assert.Contains("  note         = {Measured by ComparisonSite}\n", citation.BibTex, StringComparison.Ordinal);
        Assert.StartsWith("@misc{measured-2026-11-27,\n", citation.BibTex, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("50% faster & #1", @"50\% faster \& \#1")]
    [InlineData("a_b {c} $d", @"a\_b \{c\} \$d")]
    [InlineData(@"back\slash ~ ^", @"back\textbackslash{}slash \textasciitilde{} \textasciicircum{}")]
    public void BibTeX_escapes_what_LaTeX_would_read_as_markup(string title, string expected)
    {
        var citation = RunCitation.For(
            Run(title, "Source & Co", RunOrigin.Reported), Url, "ComparisonSite", CultureInfo.InvariantCulture);

        Assert.Contains($"  title        = {{{expected}}},\n", citation.BibTex, StringComparison.Ordinal);
        Assert.Contains(@"  author       = {{Source \& Co}},", citation.BibTex, StringComparison.Ordinal);
        Assert.Contains($"{title} [benchmark run", citation.PlainText, StringComparison.Ordinal);
    }

    private static StoredRun Run(string title, string source, RunOrigin origin) =>
        new("python-web-frameworks", TestSnapshots.MeasuredSeedDocuments()
            .Single(d => d.Run.Id == "measured-2026-11-27").Run with
        {
            Title = title,
            Source = source,
            Origin = origin,
        }, DateTimeOffset.UnixEpoch);
}
