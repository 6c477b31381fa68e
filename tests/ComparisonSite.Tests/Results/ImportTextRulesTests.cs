using System.Text.Json.Nodes;
using ComparisonSite.Results.Import;
using ComparisonSite.Results.Store;
using Dapper;
using Npgsql;

namespace ComparisonSite.Tests.Results;

/// <summary>
/// Hostile text in an import (issue #20, item 10): web addresses that are not http(s), control characters that
/// would reach a terminal or a feed, and dates that would make a run every article's current run for good.
/// </summary>
public sealed class ImportTextRulesTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    private static readonly string Tomorrow =
        DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static readonly string TheDayAfterTomorrow =
        DateOnly.FromDateTime(DateTime.UtcNow).AddDays(2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static TheoryData<string, string, string> Refused => new()
    {
        { "a javascript: source", "$.run.sourceUrl", "\"javascript:alert(1)\"" },
        { "an upper-case JAVASCRIPT: source", "$.run.sourceUrl", "\"JAVASCRIPT:alert(1)\"" },
        { "a data: framework url", "$.frameworks[0].url", "\"data:text/html,<script>alert(1)</script>\"" },
        { "a vbscript: framework url", "$.frameworks[0].url", "\"vbscript:msgbox(1)\"" },
        { "a relative source", "$.run.sourceUrl", "\"/relative/path\"" },
        { "a source with a space", "$.run.sourceUrl", "\"https://example.org/a b\"" },
        { "a terminal escape in the title", "$.run.title", "\"Run \\u001b[2J\\u001b]0;owned\\u0007\"" },
        { "a bell in a caveat", "$.run.caveats[0]", "\"ding\\u0007\"" },
        { "a line feed in a framework name", "$.frameworks[0].name", "\"Fast\\nAPI\"" },
        { "a C1 control in the source", "$.run.source", "\"Byte\\u0085pulse\"" },
        { "U+FFFE in a metric unit", "$.metrics[0].unit", "\"req/s\\ufffe\"" },
        { "U+FFFF in the suite title", "$.suiteTitle", "\"Python\\uffff\"" },
        { "a lone surrogate in the title", "$.run.title", "\"Run \\ud800\"" },
        { "a carriage return in the notes", "$.run.notes", "\"one\\rtwo\"" },
        { "a delete in the notes", "$.run.notes", "\"one\\u007ftwo\"" },
        { "the last day of 9999", "$.run.date", "\"9999-12-31\"" },
        { "the day after tomorrow", "$.run.date", $"\"{TheDayAfterTomorrow}\"" },
        { "a date before 1990", "$.run.date", "\"1989-12-31\"" },
        { "a period that starts in 1900", "$.run.period.start", "\"1900-01-01\"" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void A_hostile_field_is_refused_with_its_path(string name, string path, string json)
    {
        var parsed = RunDocumentParser.Parse(SeedWith(path, json));

        Assert.False(parsed.Succeeded, name);
        var problem = Assert.Single(parsed.Problems);
        Assert.Equal(path, problem.Location);
        Assert.DoesNotContain(problem.Message, c => char.IsControl(c) || c is '\uFFFE' or '\uFFFF');
    }

    [Theory]
    [InlineData("$.run.notes", "\"First line.\\n\\tSecond line, indented.\"")]
    [InlineData("$.run.sourceUrl", "\"http://example.org/run?x=1#y\"")]
    [InlineData("$.frameworks[0].url", "\"https://fastapi.tiangolo.com/\"")]
    [InlineData("$.run.title", "\"Ünïcode, emoji 🚀 and CJK 漢字 are text\"")]
    [InlineData("$.run.date", "\"1990-01-01\"")]
    public void Ordinary_text_addresses_and_dates_are_accepted(string path, string json)
    {
        var parsed = RunDocumentParser.Parse(SeedWith(path, json));

        Assert.Empty(parsed.Problems);
    }

    [Fact]
    public void A_run_dated_tomorrow_is_accepted_for_clock_skew()
    {
        var parsed = RunDocumentParser.Parse(SeedWith("$.run.date", $"\"{Tomorrow}\""));

        Assert.Empty(parsed.Problems);
    }

    [Fact]
    public void A_control_character_is_named_not_echoed()
    {
        var parsed = RunDocumentParser.Parse(SeedWith("$.run.sourceUrl", "\"javascript:\\u001b[31m\""));

        Assert.Equal(
            "$.run.sourceUrl: character 12 is U+001B, which imported text may not hold (" + FieldRules.TextRule + ")",
            Assert.Single(parsed.Problems).ToString());
    }

    [Fact]
    public void A_refused_value_is_described_not_quoted_back()
    {
        var parsed = RunDocumentParser.Parse(
            SeedWith("$.run.title", "\"\\u001b[2J" + new string('x', 10_000) + "\""));

        var problem = Assert.Single(parsed.Problems);
        Assert.Equal("expected non-empty text of at most 10000 characters, found text of 10004 characters",
            problem.Message);
    }

    [Theory]
    [InlineData("--title", "Title \u001b[2J")]
    [InlineData("--source", "Source\u0000")]
    [InlineData("--notes", "Notes\r")]
    [InlineData("--suite-title", "Suite\u009b")]
    public void Csv_options_keep_the_same_text_rules(string option, string text)
    {
        var run = CsvRun() with
        {
            Title = option == "--title" ? text : "CSV",
            Source = option == "--source" ? text : "Fixture",
            Notes = option == "--notes" ? text : "Line one.\nLine two.",
        };
        var suiteTitle = option == "--suite-title" ? text : null;

        var parsed = ParseCsv(suiteTitle, run);

        var problem = Assert.Single(parsed.Problems);
        Assert.Equal(option, problem.Location);
        Assert.StartsWith("character ", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(9999, 12, 31)]
    [InlineData(1970, 1, 1)]
    public void A_csv_date_outside_the_window_is_refused(int year, int month, int day)
    {
        var parsed = ParseCsv(null, CsvRun() with { Date = new DateOnly(year, month, day) });

        var problem = Assert.Single(parsed.Problems);
        Assert.Equal("--date", problem.Location);
        Assert.StartsWith("expected a date from 1990-01-01 to tomorrow", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_import_verb_refuses_a_csv_date_far_in_the_future_and_writes_nothing()
    {
        var database = await postgres.CreateDatabaseAsync();

        var import = await SiteProcess.RunVerbAsync(database, "import",
            Path.Combine(FixturePaths.Root, "imports", "good.csv"), "--suite", "python-web-frameworks",
            "--run-id", "future", "--title", "Future", "--date", "9999-12-31", "--source", "Fixture");

        Assert.Equal(1, import.ExitCode);
        Assert.Contains("good.csv: --date: expected a date from 1990-01-01 to tomorrow", import.Error,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Runs_prints_stored_control_characters_escaped()
    {
        var database = await postgres.CreateDatabaseAsync();
        await using (var store = await StoreHarness.CreateAsync(database, seed: true))
        {
            // A row written before imports refused control characters.
            await using var connection = await store.Get<NpgsqlDataSource>().OpenConnectionAsync();
            await connection.ExecuteAsync(
                "update runs set title = @Title", new { Title = "Bytepulse \u001b]0;owned\u0007\u001b[2J\u009b" });
        }

        var runs = await SiteProcess.RunVerbAsync(database, "runs");

        Assert.Equal(0, runs.ExitCode);
        Assert.Contains(@"Bytepulse \u001B]0;owned\u0007\u001B[2J\u009B", runs.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(runs.Output, c => char.IsControl(c) && c is not '\n' and not '\r');
    }

    private static RunInfo CsvRun() => new()
    {
        Id = "csv-run",
        Title = "CSV",
        Date = new DateOnly(2026, 7, 1),
        Source = "Fixture",
        Origin = RunOrigin.Measured,
    };

    private static ParsedRun ParseCsv(string? suiteTitle, RunInfo run)
    {
        using var reader = new StreamReader(Path.Combine(FixturePaths.Root, "imports", "good.csv"));
        return CsvRunParser.Parse(reader, "python-web-frameworks", suiteTitle, run);
    }

    /// <summary>The seed run with one field (a JSON path such as $.run.title) set to raw JSON.</summary>
    private static byte[] SeedWith(string path, string json)
    {
        var file = SiteRoot.Locate(null).Combine("migrations/seed/bytepulse-2026-03.json");
        var seed = JsonNode.Parse(File.ReadAllBytes(file))!;
        var steps = path[2..].Replace("[", ".", StringComparison.Ordinal).Replace("]", "", StringComparison.Ordinal)
            .Split('.');
        var parent = seed;
        foreach (var step in steps[..^1])
        {
            if (int.TryParse(step, out var index))
            {
                parent = parent[index]!;
            }
            else
            {
                parent[step] ??= new JsonObject();
                parent = parent[step]!;
            }
        }

        // Written as text so the JSON may spell what a JsonNode cannot hold (a lone surrogate escape).
        const string marker = "\"__value__\"";
        if (int.TryParse(steps[^1], out var last))
        {
            parent[last] = "__value__";
        }
        else
        {
            parent[steps[^1]] = "__value__";
        }

        return Encoding.UTF8.GetBytes(seed.ToJsonString().Replace(marker, json, StringComparison.Ordinal));
    }
}
