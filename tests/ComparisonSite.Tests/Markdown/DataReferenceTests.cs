using ComparisonSite.Figures;
using ComparisonSite.Markdown.DataReferences;
using ComparisonSite.Results.Import;
using ComparisonSite.Results.Store;

namespace ComparisonSite.Tests.Markdown;

public sealed class DataReferenceTests
{
    [Fact]
    public void A_value_reference_has_three_slugs_and_options()
    {
        var reference = DataReference.Parse("value fastapi json rps round=100 run=bytepulse-2026-03", out var error);

        Assert.Null(error);
        Assert.Equal(DataReferenceKind.Value, reference!.Kind);
        Assert.Equal(["fastapi", "json", "rps"], reference.Arguments);
        Assert.Equal(100, reference.RoundTo);
        Assert.Equal("bytepulse-2026-03", reference.RunId);
        Assert.False(reference.IsBlock);
    }

    [Fact]
    public void A_chart_reference_takes_series_and_the_horizontal_flag()
    {
        var reference = DataReference.Parse("chart json:rps db:rps horizontal frameworks=fastapi,flask", out _);

        Assert.True(reference!.IsBlock);
        Assert.Equal([new SeriesKey("json", "rps"), new SeriesKey("db", "rps")], reference.Series);
        Assert.Contains("horizontal", reference.Flags);
        Assert.Equal(["fastapi", "flask"], reference.Frameworks);
    }

    [Fact]
    public void A_reference_reads_one_run_by_id_by_origin_or_by_default()
    {
        Assert.Equal([new RunSelector("bytepulse-2026-03")], Parse("value fastapi json rps run=bytepulse-2026-03"));
        Assert.Equal(
            [new RunSelector(Origin: RunOrigin.Measured)], Parse("ratio fastapi flask json rps origin=measured"));
        Assert.Equal([default(RunSelector)], Parse("environment"));
    }

    [Fact]
    public void Origins_set_runs_side_by_side_and_agreement_reads_the_reported_then_the_measured_run()
    {
        Assert.Equal(
            [new RunSelector(Origin: RunOrigin.Measured), new RunSelector(Origin: RunOrigin.Reported)],
            Parse("table json:rps origins=measured,reported"));
        Assert.Equal(
            [new RunSelector(Origin: RunOrigin.Reported), new RunSelector(Origin: RunOrigin.Measured)],
            Parse("agreement json rps"));
    }

    [Fact]
    public void The_articles_origin_applies_only_where_a_reference_names_no_run()
    {
        Assert.Equal(new RunSelector(Origin: RunOrigin.Reported), default(RunSelector).Or(RunOrigin.Reported));
        Assert.Equal(
            new RunSelector(Origin: RunOrigin.Measured),
            new RunSelector(Origin: RunOrigin.Measured).Or(RunOrigin.Reported));
        Assert.Equal(new RunSelector("a-run"), new RunSelector("a-run").Or(RunOrigin.Reported));
        Assert.Equal(default, default(RunSelector).Or(null));
    }

    private static IReadOnlyList<RunSelector> Parse(string source)
    {
        var reference = DataReference.Parse(source, out var error);
        Assert.Null(error);
        return reference!.Selectors;
    }

    [Theory]
    [InlineData("value fastapi json rps origin=ours", "origin= takes reported or measured, found 'ours'")]
    [InlineData(
        "table json:rps origins=reported,reported",
        "origins= takes a comma-separated list of distinct origins (reported or measured), found 'reported,reported'")]
    [InlineData(
        "chart json:rps origins=reported,theirs",
        "origins= takes a comma-separated list of distinct origins (reported or measured), found 'reported,theirs'")]
    [InlineData(
        "value fastapi json rps run=bytepulse-2026-03 origin=measured",
        "give only one of run=, origin=: each chooses the runs")]
    [InlineData(
        "value fastapi json rps origins=reported,measured",
        "'origins=' is not an option of value; "
        + "write {{value FRAMEWORK SCENARIO METRIC [round=N] [unit=none] [run=ID | origin=reported|measured]}}")]
    [InlineData(
        "agreement json rps origin=measured",
        "'origin=' is not an option of agreement; write {{agreement SCENARIO METRIC [frameworks=a,b]}}")]
    [InlineData(
        "ranking json",
        "ranking takes 2 arguments, found 1; "
        + "write {{ranking SCENARIO METRIC [frameworks=a,b] [run=ID | origin=reported|measured]}}")]
    public void Malformed_run_choices_explain_the_expected_form(string source, string expected)
    {
        Assert.Null(DataReference.Parse(source, out var error));
        Assert.Equal(expected, error);
    }

    [Theory]
    [InlineData(
        "vaule fastapi json rps",
        "unknown data reference '{{vaule fastapi json rps}}': "
        + "it must start with one of value, ratio, percent, diff, best, ranking, agreement, table, chart, scaling, "
        + "environment, calculator, claims, calculator-value")]
    [InlineData(
        "value fastapi json",
        "value takes 3 arguments, found 2; "
        + "write {{value FRAMEWORK SCENARIO METRIC [round=N] [unit=none] [run=ID | origin=reported|measured]}}")]
    [InlineData(
        "value FastAPI json rps",
        "'FastAPI' is not a slug (lower-case letters, digits and hyphens); "
        + "write {{value FRAMEWORK SCENARIO METRIC [round=N] [unit=none] [run=ID | origin=reported|measured]}}")]
    [InlineData("value fastapi json rps round=-5", "round= takes a positive number such as 100 or 0.5, found '-5'")]
    [InlineData(
        "value fastapi json rps colour=red",
        "'colour=' is not an option of value; "
        + "write {{value FRAMEWORK SCENARIO METRIC [round=N] [unit=none] [run=ID | origin=reported|measured]}}")]
    [InlineData(
        "table json",
        "'json' must be SCENARIO:METRIC, e.g. json:rps; "
        + "write {{table SCENARIO:METRIC… [frameworks=a,b] [layout=rows|columns] [origins=reported,measured] "
        + "[run=ID | origin=reported|measured]}}")]
    [InlineData(
        "chart json:rps json:p99",
        "a chart shows one metric; give several SCENARIO:METRIC pairs only with the same METRIC")]
    [InlineData("table json:rps layout=diagonal", "layout= takes 'rows' or 'columns', found 'diagonal'")]
    [InlineData("environment extra", "environment takes 0 arguments, found 1; "
        + "write {{environment [run=ID | origin=reported|measured]}}")]
    public void Malformed_references_explain_the_expected_form(string source, string expected)
    {
        Assert.Null(DataReference.Parse(source, out var error));
        Assert.Equal(expected, error);
    }
}
