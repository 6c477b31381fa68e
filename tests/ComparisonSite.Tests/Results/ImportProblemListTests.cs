using ComparisonSite.Results.Import;

namespace ComparisonSite.Tests.Results;

public sealed class ImportProblemListTests
{
    [Fact]
    public void A_huge_list_shows_the_first_fifty_then_counts_the_rest()
    {
        var problems = Enumerable.Range(1, 120)
            .Select(i => new ImportProblem($"line {i + 1}, column value", "expected a finite number"))
            .ToList();

        var lines = ImportProblemList.Lines("big.csv", ImportProblemList.WithLines(problems, json: null)).ToList();

        Assert.Equal(52, lines.Count);
        Assert.Equal("big.csv:2: column value: expected a finite number", lines[0]);
        Assert.Equal("big.csv: … and 70 problems more", lines[50]);
        Assert.Equal("big.csv: not imported: 120 problems", lines[51]);
    }

    [Fact]
    public void A_json_problem_names_the_line_of_its_value_or_of_the_object_missing_it()
    {
        var json = "{\n  \"run\": {\n    \"id\": \"x\"\n  },\n  \"results\": [\n    { \"value\": 1 }\n  ]\n}\n"u8
            .ToArray();
        var problems = new[]
        {
            new ImportProblem("$.run.id", "bad id"),
            new ImportProblem("$.results[0].framework", "required field is missing"),
        };

        var lines = ImportProblemList.Lines("run.json", ImportProblemList.WithLines(problems, json)).ToList();

        Assert.Equal(
        [
            "run.json:3: $.run.id: bad id",
            "run.json:6: $.results[0].framework: required field is missing",
            "run.json: not imported: 2 problems",
        ], lines);
    }
}
