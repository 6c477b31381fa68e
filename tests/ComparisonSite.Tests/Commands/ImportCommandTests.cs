using Npgsql;

namespace ComparisonSite.Tests.Commands;

/// <summary>
/// The import verb as an editor meets it: every problem of a file in one pass, each with its line, one outcome
/// wording; and <c>import --dry-run</c>, which says what an import would change on the pages and writes nothing.
/// </summary>
[LongRunning(seconds: 190)]
public sealed class ImportCommandTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    private static readonly string[] CsvRun =
        ["--suite", "python-web-frameworks", "--run-id", "two-problems", "--title", "T", "--date", "2026-07-01",
            "--source", "Fixture"];

    private static string Fixture(string name) => Path.Combine(FixturePaths.Root, "imports", name);

    private static string DryRunContent => Path.Combine(FixturePaths.Root, "dry-run-site", "content");

    [Fact]
    public async Task A_document_with_a_negative_value_and_an_unknown_metric_reports_both_with_lines_in_one_run()
    {
        var database = await postgres.CreateDatabaseAsync();

        var import = await SiteProcess.RunVerbAsync(database, "import", Fixture("negative-and-unknown.json"));
        var runs = await SiteProcess.RunVerbAsync(database, "runs");

        Assert.Equal(1, import.ExitCode);
        Assert.Equal(
        [
            "negative-and-unknown.json:11: $.results[0].value: expected zero or more, found a negative number",
            "negative-and-unknown.json:12: $.results[1].metric: unknown metric \"throughput\": declare it in "
                + "\"metrics\" or use a known one (cold-start, connections, memory, p50, p99, round-trips, rps, score, "
                + "server-cost)",
            "negative-and-unknown.json: not imported: 2 problems",
        ], import.Error.Trim().Split('\n'));
        Assert.DoesNotContain("two-problems", runs.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_csv_file_with_a_negative_value_and_an_unknown_metric_reports_both_with_rows_in_one_run()
    {
        var database = await postgres.CreateDatabaseAsync();

        var import = await SiteProcess.RunVerbAsync(
            database, ["import", Fixture("negative-and-unknown.csv"), .. CsvRun]);
        var runs = await SiteProcess.RunVerbAsync(database, "runs");

        Assert.Equal(1, import.ExitCode);
        Assert.Equal(
        [
            "negative-and-unknown.csv:2: column value: expected zero or more, found a negative number",
            "negative-and-unknown.csv:3: column metric: unknown metric \"throughput\": declare it in \"metrics\" "
                + "or use a known one (cold-start, connections, memory, p50, p99, round-trips, rps, score, "
                + "server-cost)",
            "negative-and-unknown.csv: not imported: 2 problems",
        ], import.Error.Trim().Split('\n'));
        Assert.DoesNotContain("two-problems", runs.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_good_file_is_not_imported_when_another_file_of_the_same_import_names_an_unknown_metric()
    {
        var database = await postgres.CreateDatabaseAsync();

        var import = await SiteProcess.RunVerbAsync(
            database, "import", Fixture("second-run.json"), Fixture("unknown-metric.json"));
        var runs = await SiteProcess.RunVerbAsync(database, "runs");

        Assert.Equal(1, import.ExitCode);
        Assert.Equal(
        [
            "second-run.json: not imported: 0 problems (another file has problems; the files import together)",
            "unknown-metric.json:6: $.results[1].metric: unknown metric \"throughput\": declare it in \"metrics\" "
                + "or use a known one (cold-start, connections, memory, p50, p99, round-trips, rps, score, "
                + "server-cost)",
            "unknown-metric.json: not imported: 1 problem",
        ], import.Error.Trim().Split('\n'));
        Assert.DoesNotContain("rerun-2026-06", runs.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dry_run_prints_each_changed_sentence_cell_and_best_mark_and_writes_nothing()
    {
        var database = await postgres.CreateDatabaseAsync();
        await using var store = await StoreHarness.CreateAsync(database, seed: true);
        var before = await store.DumpAsync();
        await using var listener = await store.Get<NpgsqlDataSource>().OpenConnectionAsync();
        await using (var listen = new NpgsqlCommand("listen results_changed", listener))
        {
            await listen.ExecuteNonQueryAsync();
        }

        var slower = await SeedVariants.SlowerFastApiAsync();

        var dryRun = await SiteProcess.RunVerbAsync(
            database, "import", "--dry-run", "--content", DryRunContent, slower);

        var file = Path.GetRelativePath(SiteRoot.Locate(null).Path, DryRunContent).Replace('\\', '/')
            + "/measured-speed/01-speed.md";
        var current = TestSnapshots.MeasuredSeedDocument();
        Assert.Equal(0, dryRun.ExitCode);
        Assert.Equal(
        [
            $"measured-slower-fastapi.json: valid: run {current.Run.Id} ({current.Results.Count} measurements) of "
                + "suite python-web-frameworks; dry run, nothing written.",
            "measured-speed: 5 changes",
            // The formatter keeps a number and its unit together with a no-break space.
            $"  {file}:6  FastAPI served about 2,340\u00A0req/s on the JSON endpoint. "
                + "→ FastAPI served 500\u00A0req/s on the JSON endpoint.",
            $"  {file}:8  The fastest on that endpoint was FastAPI. → The fastest on that endpoint was Flask.",
            $"  {file}:10  Requests per second, JSON endpoint (req/s, higher is better), FastAPI: "
                + "2,338 (1,845–3,162) → 500 (450–550)",
            $"  {file}:10  Requests per second, JSON endpoint (req/s, higher is better): best: FastAPI → Flask",
            // A chart's series, read from its table, whose rows name their framework (data-framework).
            $"  {file}:12  FastAPI, JSON endpoint (req/s): 2,338 (1,845–3,162) → 500 (450–550)",
            "would not change: reported-speed (does not show the run)",
        ], dryRun.Output.Trim().Split('\n'));
        Assert.Equal(before, await store.DumpAsync());
        Assert.False(await listener.WaitAsync(TimeSpan.FromMilliseconds(500)));
    }

    [Fact]
    public async Task A_dry_run_of_a_csv_file_previews_a_new_latest_measured_run_and_writes_nothing()
    {
        var database = await postgres.CreateDatabaseAsync();
        await using var store = await StoreHarness.CreateAsync(database, seed: true);
        var before = await store.DumpAsync();

        var dryRun = await SiteProcess.RunVerbAsync(
            database,
            ["import", "--dry-run", "--content", DryRunContent, Fixture("preview.csv"), "--suite",
                "python-web-frameworks", "--run-id", "csv-preview", "--title", "CSV preview", "--date", "2026-12-08",
                "--source", "Fixture"]);

        var file = Path.GetRelativePath(SiteRoot.Locate(null).Path, DryRunContent).Replace('\\', '/')
            + "/measured-speed/01-speed.md";
        var lines = dryRun.Output.Trim().Split('\n');
        Assert.True(dryRun.ExitCode == 0, dryRun.Error);
        Assert.Equal(
            "preview.csv: valid: run csv-preview (6 measurements) of suite python-web-frameworks; dry run, "
                + "nothing written.",
            lines[0]);
        Assert.Equal("measured-speed: 17 changes", lines[1]);
        Assert.Contains(
            lines, l => l.StartsWith($"  {file}:12  FastAPI, JSON endpoint (req/s): ", StringComparison.Ordinal));
        Assert.Contains(
            $"  {file}:8  The fastest on that endpoint was FastAPI. → The fastest on that endpoint was Flask.",
            lines);
        Assert.Contains(
            $"  {file}:10  P99 latency, JSON endpoint (ms, lower is better), FastAPI: 7 (5–33) → 50", lines);
        Assert.Equal("would not change: reported-speed (does not show the run)", lines[^1]);
        Assert.Equal(before, await store.DumpAsync());
    }

    [Fact]
    public async Task A_dry_run_of_an_unchanged_run_says_no_article_would_change()
    {
        var database = await postgres.CreateDatabaseAsync();
        var current = TestSnapshots.MeasuredSeedDocument();
        var seed = Path.Combine(SiteRoot.Locate(null).Path, "migrations", "seed", current.Run.Id + ".json");

        var dryRun = await SiteProcess.RunVerbAsync(database, "import", "--dry-run", "--content", DryRunContent, seed);

        Assert.Equal(0, dryRun.ExitCode);
        Assert.Equal(
        [
            $"{current.Run.Id}.json: valid: run {current.Run.Id} ({current.Results.Count} measurements) of suite "
                + "python-web-frameworks; dry run, nothing written.",
            "No article would change.",
            "would not change: measured-speed (shows the run; no rendered text changes)",
            "would not change: reported-speed (does not show the run)",
        ], dryRun.Output.Trim().Split('\n'));
    }

    [Fact]
    public async Task A_dry_run_of_an_invalid_document_fails_with_its_problems_and_writes_nothing()
    {
        var database = await postgres.CreateDatabaseAsync();
        await using var store = await StoreHarness.CreateAsync(database, seed: true);
        var before = await store.DumpAsync();

        var dryRun = await SiteProcess.RunVerbAsync(
            database, "import", "--dry-run", "--content", DryRunContent, Fixture("negative-and-unknown.json"));

        Assert.Equal(1, dryRun.ExitCode);
        Assert.Equal(string.Empty, dryRun.Output.Trim());
        Assert.Contains(
            "negative-and-unknown.json:11: $.results[0].value: expected zero or more, found a negative number",
            dryRun.Error,
            StringComparison.Ordinal);
        Assert.EndsWith(
            "negative-and-unknown.json: not imported: 2 problems", dryRun.Error.Trim(), StringComparison.Ordinal);
        Assert.Equal(before, await store.DumpAsync());
    }
}
