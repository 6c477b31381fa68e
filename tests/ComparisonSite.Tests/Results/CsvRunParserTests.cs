using ComparisonSite.Results.Import;

namespace ComparisonSite.Tests.Results;

public sealed class CsvRunParserTests
{
    private static readonly RunInfo Run = new()
    {
        Id = "csv-run",
        Title = "CSV run",
        Date = new DateOnly(2026, 7, 1),
        Source = "Fixture",
        Origin = RunOrigin.Measured,
    };

    private static ParsedRun Parse(string name)
    {
        using var reader = new StreamReader(
            Path.Combine(FixturePaths.Root, "imports", name),
            detectEncodingFromByteOrderMarks: true);
        return CsvRunParser.Parse(reader, "python-web-frameworks", null, Run);
    }

    [Fact]
    public void Long_form_rows_become_results_of_the_run_given_on_the_command_line()
    {
        var parsed = Parse("good.csv");

        Assert.Empty(parsed.Problems);
        Assert.Equal("csv-run", parsed.Document!.Run.Id);
        Assert.Equal([9001, 2500.5, 1500], parsed.Document.Results.Select(r => r.Value));
        Assert.Equal("line 3", parsed.Document.Results[1].Location);
    }

    [Fact]
    public void Every_bad_line_is_reported_with_its_line_and_column()
    {
        var parsed = Parse("bad-value.csv");

        Assert.Null(parsed.Document);
        Assert.Equal(
        [
            // Where, and what kind of thing: never the file's own text (see FieldRules.Described).
            "line 3, column value: expected a finite number such as 8520 or 0.7, found text of 4 characters",
            "line 4, column value: expected zero or more, found a negative number",
            "line 5, column scenario: expected a slug (lower-case letters, digits and hyphens), "
                + "found text of 13 characters",
        ], parsed.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void A_byte_order_mark_and_mixed_line_endings_are_handled()
    {
        var parsed = Parse("bom-crlf.csv");

        Assert.Empty(parsed.Problems);
        Assert.Equal(["fastapi", "flask", "django"], parsed.Document!.Results.Select(r => r.Framework));
    }

    [Theory]
    [InlineData("", "line 1: the file is empty")]
    [InlineData("name,value\na,1\n",
        "line 1: expected the header framework,scenario,metric,value, found a header of 2 columns")]
    [InlineData("framework,scenario,metrics,value\na,b,c,1\n",
        "line 1: expected the header framework,scenario,metric,value; column 3 is not metric")]
    [InlineData("framework,scenario,metric,value\na,b\"x\",c,1\n", "line 2: malformed CSV field: a double quote")]
    [InlineData("framework,scenario,metric,value\n", "line 2: the file has a header but no results")]
    [InlineData("framework,scenario,metric,value\na,b,c\n", "line 2: expected 4 fields, found 3")]
    [InlineData("framework,scenario,metric,value\na,b,c,1e999\n", "line 2, column value: expected a finite number")]
    public void Malformed_files_are_explained(string csv, string expectedStart)
    {
        var parsed = CsvRunParser.Parse(new StringReader(csv), "s", null, Run);

        Assert.Contains(parsed.Problems, p => p.ToString().StartsWith(expectedStart, StringComparison.Ordinal));
    }

    [Fact]
    public void The_suite_and_run_id_from_the_command_line_follow_the_slug_and_run_id_rules()
    {
        using var reader = new StreamReader(Path.Combine(FixturePaths.Root, "imports", "good.csv"));
        var parsed = CsvRunParser.Parse(reader, "Python web", null, Run with { Id = "CSV run" });

        Assert.Null(parsed.Document);
        Assert.Equal(
            [
                "--suite: expected a slug (lower-case letters, digits and hyphens, at most 100 characters), "
                    + "found \"Python web\"",
                "--run-id: expected lower-case letters, digits, '.', '_' or '-', starting with a letter or digit, "
                    + "found \"CSV run\"",
            ],
            parsed.Problems.Select(p => p.ToString()));
    }
}
