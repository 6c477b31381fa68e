namespace ComparisonSite.Tests.Commands;

/// <summary>The verbs as an operator runs them: a separate process, a real store, exit codes and output.</summary>
public sealed class SiteCommandsTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    private static string Fixture(string name) => Path.Combine(FixturePaths.Root, "imports", name);

    [Fact]
    public async Task Import_then_runs_lists_each_suites_runs_with_the_latest_of_each_origin_marked()
    {
        var database = await postgres.CreateDatabaseAsync();

        var import = await SiteProcess.RunVerbAsync(database, "import", Fixture("second-run.json"));
        var runs = await SiteProcess.RunVerbAsync(database, "runs");

        Assert.Equal(0, import.ExitCode);
        Assert.Equal(
            "second-run.json: imported run rerun-2026-06 (3 measurements) into suite python-web-frameworks.",
            import.Output.Trim());
        Assert.Equal(0, runs.ExitCode);
        var lines = runs.Output.Trim().Split('\n');
        Assert.Equal("python-web-frameworks", lines[0]);
        Assert.Matches(
            @"^  \* rerun-2026-06 +2026-12-08  measured +3 measurements  imported "
            + @"\d{4}-\d\d-\d\d \d\d:\d\d UTC  Re-run on the same hardware$",
            lines[1]);
        Assert.Matches(@"^    measured-2026-12-07 +2026-12-07  measured +\d+ measurements  imported ", lines[2]);
        Assert.Matches(@"^    measured-2026-11-27 +2026-11-27  measured +32 measurements  imported ", lines[3]);
        Assert.Matches(
            @"^  \* bytepulse-2026-03 +2026-03-31  reported +21 measurements  imported "
            + @".* UTC  Bytepulse 30-day production benchmark$",
            lines[4]);
    }

    [Fact]
    public async Task A_csv_import_takes_the_runs_fields_from_options()
    {
        var database = await postgres.CreateDatabaseAsync();

        var import = await SiteProcess.RunVerbAsync(
            database,
            "import",
            Fixture("good.csv"),
            "--suite", "python-web-frameworks",
            "--run-id", "csv-cli",
            "--title", "CLI CSV",
            "--date", "2026-09-01",
            "--source", "Fixture");
        var runs = await SiteProcess.RunVerbAsync(database, "runs");

        Assert.Equal(0, import.ExitCode);
        Assert.Matches(
            @"(?m)^  [ *] csv-cli +2026-09-01  measured +\d+ measurements  imported .* UTC  CLI CSV$", runs.Output);
    }

    [Fact]
    public async Task A_bad_file_fails_with_every_problem_and_imports_none_of_the_files()
    {
        var database = await postgres.CreateDatabaseAsync();

        var import = await SiteProcess.RunVerbAsync(
            database, "import", Fixture("second-run.json"), Fixture("wrong-types.json"));
        var runs = await SiteProcess.RunVerbAsync(database, "runs");

        Assert.Equal(1, import.ExitCode);
        Assert.Contains(
            "wrong-types.json:4: $.run.date: expected a date as YYYY-MM-DD",
            import.Error,
            StringComparison.Ordinal);
        Assert.Contains(
            "wrong-types.json:8: $.results[0].value: expected a number, found text of 4 characters",
            import.Error,
            StringComparison.Ordinal);
        Assert.Contains("wrong-types.json: not imported: 7 problems", import.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("rerun-2026-06", runs.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_csv_import_without_the_run_fields_names_the_missing_options()
    {
        var database = await postgres.CreateDatabaseAsync();

        var import = await SiteProcess.RunVerbAsync(database, "import", Fixture("good.csv"), "--suite", "s");

        Assert.Equal(1, import.ExitCode);
        Assert.Contains(
            "good.csv: options: a CSV import needs --run-id, --title, --date, --source",
            import.Error,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_store_is_a_clear_error_without_a_stack_trace()
    {
        var import = await SiteProcess.RunVerbAsync("Host=127.0.0.1;Port=1;Username=x;Database=y;Timeout=2", "migrate");

        Assert.Equal(2, import.ExitCode);
        Assert.StartsWith("error: ", import.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", import.Error, StringComparison.Ordinal);
    }
}
