using ComparisonSite.Figures;
using ComparisonSite.Markdown.DataReferences;

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

    [Theory]
    [InlineData(
        "vaule fastapi json rps",
        "unknown data reference '{{vaule fastapi json rps}}': "
        + "it must start with one of value, ratio, percent, diff, best, table, chart, environment")]
    [InlineData(
        "value fastapi json",
        "value takes 3 arguments, found 2; write {{value FRAMEWORK SCENARIO METRIC [round=N] [unit=none] [run=ID]}}")]
    [InlineData(
        "value FastAPI json rps",
        "'FastAPI' is not a slug (lower-case letters, digits and hyphens); "
        + "write {{value FRAMEWORK SCENARIO METRIC [round=N] [unit=none] [run=ID]}}")]
    [InlineData("value fastapi json rps round=-5", "round= takes a positive number such as 100 or 0.5, found '-5'")]
    [InlineData(
        "value fastapi json rps colour=red",
        "'colour=' is not an option of value; "
        + "write {{value FRAMEWORK SCENARIO METRIC [round=N] [unit=none] [run=ID]}}")]
    [InlineData(
        "table json",
        "'json' must be SCENARIO:METRIC, e.g. json:rps; "
        + "write {{table SCENARIO:METRIC… [frameworks=a,b] [layout=rows|columns] [run=ID]}}")]
    [InlineData(
        "chart json:rps json:p99",
        "a chart shows one metric; give several SCENARIO:METRIC pairs only with the same METRIC")]
    [InlineData("table json:rps layout=diagonal", "layout= takes 'rows' or 'columns', found 'diagonal'")]
    [InlineData("environment extra", "environment takes 0 arguments, found 1; write {{environment [run=ID]}}")]
    public void Malformed_references_explain_the_expected_form(string source, string expected)
    {
        Assert.Null(DataReference.Parse(source, out var error));
        Assert.Equal(expected, error);
    }
}
