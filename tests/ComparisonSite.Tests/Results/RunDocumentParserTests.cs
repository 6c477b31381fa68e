using ComparisonSite.Results;
using ComparisonSite.Results.Import;

namespace ComparisonSite.Tests.Results;

public sealed class RunDocumentParserTests
{
    private static ParsedRun ParseFixture(string name) =>
        RunDocumentParser.Parse(File.ReadAllBytes(Path.Combine(FixturePaths.Root, "imports", name)));

    private static ParsedRun ParseText(string json) => RunDocumentParser.Parse(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void The_seed_run_parses_with_its_provenance_and_catalog()
    {
        var parsed = RunDocumentParser.Parse(
            File.ReadAllBytes(SiteRoot.Locate(null).Combine("migrations/seed/bytepulse-2026-03.json")));

        Assert.Empty(parsed.Problems);
        var document = parsed.Document!;
        Assert.Equal("python-web-frameworks", document.Suite);
        Assert.Equal(RunOrigin.Reported, document.Run.Origin);
        Assert.Equal("Bytepulse", document.Run.Source);
        Assert.Equal(new DateOnly(2026, 2, 1), document.Run.PeriodStart);
        Assert.Equal(8, document.Run.Cores);
        Assert.Equal(500, document.Run.Concurrency);
        Assert.Contains(document.Metrics, m => m is { Slug: "rps", Better: Better.Higher, HigherWord: "faster" });
        Assert.Contains(document.Metrics, m => m is { Slug: "score", Kind: Metric.RatingKind });
        Assert.Contains(
            document.Results,
            r => r is { Framework: "fastapi", Scenario: "json", Metric: "rps", Value: 8520 });
        Assert.Equal(21, document.Results.Count);
    }

    [Fact]
    public void Samples_without_a_value_take_the_median()
    {
        var parsed = ParseFixture("second-run.json");

        var fastapi = Assert.Single(parsed.Document!.Results, r => r.Framework == "fastapi");
        Assert.Equal(9200, fastapi.Value);
        Assert.Equal([9100, 9300, 9200], fastapi.Samples);
    }

    [Fact]
    public void Malformed_json_names_the_line_and_column()
    {
        var problem = Assert.Single(ParseFixture("malformed.json").Problems);

        Assert.Equal("line 5, column 30", problem.Location);
        Assert.StartsWith("malformed JSON: ", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\n  \"suite\": root:$6$Zx8pQ2rT$Kq0oWm3n\n}", "line 2, column 12")]
    [InlineData("{\n  \"suite\": \"x\" root:$6$Zx8pQ2rT$Kq0oWm3n\n}", "line 2, column 16")]
    [InlineData("{\n  \"suite\": tru$6$Zx8pQ2rT$Kq0oWm3n\n}", "line 2, column 15")]
    public void Malformed_json_is_located_without_quoting_the_text_found(string json, string location)
    {
        var problem = Assert.Single(RunDocumentParser.Parse(Encoding.UTF8.GetBytes(json)).Problems);

        Assert.Equal(location, problem.Location);
        Assert.StartsWith("malformed JSON: the text here ", problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("$6$", problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("'r'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_key_that_is_no_field_name_is_named_by_what_it_is()
    {
        var problems = RunDocumentParser.Parse(Encoding.UTF8.GetBytes("{\"root:$6$Zx8pQ2rT\": 1}")).Problems;

        Assert.Contains(problems, p => p.Location == "$.(a key of text of 16 characters)"
            && p.Message.StartsWith("unknown field", StringComparison.Ordinal));
        Assert.DoesNotContain(problems, p => p.ToString().Contains("$6$", StringComparison.Ordinal));
    }

    [Fact]
    public void A_file_truncated_mid_way_is_rejected()
    {
        var parsed = ParseFixture("truncated.json");

        Assert.Null(parsed.Document);
        var problem = Assert.Single(parsed.Problems);
        Assert.StartsWith("line 6", problem.Location, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_types_and_out_of_range_values_are_all_reported_with_their_paths()
    {
        var parsed = ParseFixture("wrong-types.json");

        Assert.Null(parsed.Document);
        Assert.Equal(
        [
            // Where, and what kind of thing: never the file's own text (see FieldRules.Described).
            "$.run.date: expected a date as YYYY-MM-DD",
            "$.run.origin: expected one of \"reported\", \"measured\"",
            "$.run.environment.cores: expected a whole number 1 or more, found text of 5 characters",
            "$.results[0].value: expected a number, found text of 4 characters",
            "$.results[1].value: expected zero or more, found a negative number",
            "$.results[2].value: the number is outside the range of a double",
            "$.results[3].value: required field is missing: "
                + "give a \"value\" or a non-empty \"samples\" array of numbers",
        ], parsed.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void Duplicate_rows_are_rejected_naming_both_places()
    {
        var problem = Assert.Single(ParseFixture("duplicate-rows.json").Problems);

        Assert.Equal(
            "$.results[2]: duplicate result for framework \"fastapi\", scenario \"json\", metric \"rps\" "
            + "(first given at $.results[0])",
            problem.ToString());
    }

    [Fact]
    public void Duplicate_keys_are_rejected()
    {
        var problem = Assert.Single(ParseFixture("duplicate-keys.json").Problems);

        Assert.Contains("duplicate", problem.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Unknown_fields_are_reported()
    {
        var parsed = ParseText(
            """{"suite":"s","run":"""
            + """{"id":"r","title":"t","date":"2026-01-01","source":"x","origin":"measured","colour":"red"}"""
            + ""","results":[{"framework":"a","scenario":"b","metric":"c","value":1,"unit":"ms"}]}""");

        Assert.Equal(["$.run.colour", "$.results[0].unit"], parsed.Problems.Select(p => p.Location));
    }

    [Fact]
    public void Deep_nesting_is_rejected_without_recursion_trouble()
    {
        var parsed = ParseText(new string('[', 10_000) + new string(']', 10_000));

        var problem = Assert.Single(parsed.Problems);
        Assert.Contains("depth", problem.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("[]", "$: expected an object, found an array")]
    [InlineData("{}", "$.suite: required field is missing")]
    [InlineData(
        """{"suite":"Bad Suite","run":"""
        + """{"id":"r","title":"t","date":"2026-01-01","source":"x","origin":"measured"},"results":[]}""",
        "$.suite: expected a slug")]
    [InlineData(
        """{"suite":"s","run":"""
        + """{"id":"r","title":"t","date":"2026-01-01","source":"x","origin":"measured"},"results":[]}""",
        "$.results: expected at least one entry")]
    [InlineData(
        """{"suite":"s","run":"""
        + """{"id":"r","title":"t","date":"2026-01-01","source":"x","origin":"measured","period":"""
        + """{"start":"2026-02-01","end":"2026-01-01"}},"results":"""
        + """[{"framework":"a","scenario":"b","metric":"c","value":1}]}""",
        "$.run.period.end: the period ends")]
    public void Structural_problems_are_explained(string json, string expectedStart)
    {
        var parsed = ParseText(json);

        Assert.Contains(parsed.Problems, p => p.ToString().StartsWith(expectedStart, StringComparison.Ordinal));
    }
}
