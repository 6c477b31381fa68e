using ComparisonSite.Results.Import;
using ComparisonSite.Results.Store;
using Dapper;
using Npgsql;

namespace ComparisonSite.Tests.Results;

public sealed class RunImporterTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    private static readonly string[] TwoCaveats = ["First", "Second"];

    private static string Fixture(string name) => Path.Combine(FixturePaths.Root, "imports", name);

    [Fact]
    public async Task The_seed_run_round_trips_into_the_snapshot_with_its_provenance()
    {
        await using var store = await StoreHarness.CreateAsync(await postgres.CreateDatabaseAsync(), seed: true);
        var results = store.Get<ResultsStore>();

        await results.ReloadAsync(CancellationToken.None);

        var run = results.Current!.RunFor("python-web-frameworks", new(Origin: RunOrigin.Reported))!;
        Assert.Equal("bytepulse-2026-03", run.Run.Id);
        Assert.True(run.Run.IsReported);
        Assert.Equal("Dedicated bare-metal server, 8-core AMD EPYC", run.Run.Info.Hardware);
        Assert.Equal(3, run.Run.Info.Caveats.Count);
        Assert.Equal(8520, run.Find("fastapi", "json", "rps")!.Value);
        Assert.Equal(0.7, run.Find("fastapi", "idle", "cold-start")!.Value);
        Assert.Equal(2800, run.Find("django-asgi", "json", "rps")!.Value);
        Assert.Equal("req/s", results.Current.Metrics["rps"].Unit);
        Assert.Equal("Uvicorn (ASGI)", results.Current.Frameworks["fastapi"].Server);
    }

    [Fact]
    public async Task A_newer_run_becomes_the_suites_current_run_and_keeps_its_samples()
    {
        await using var store = await StoreHarness.CreateAsync(await postgres.CreateDatabaseAsync(), seed: true);
        var seeded = await store.CountAsync("runs");

        var outcome = await store.ImportFileAsync(Fixture("second-run.json"));
        await store.Get<ResultsStore>().ReloadAsync(CancellationToken.None);

        Assert.True(outcome.Succeeded);
        var current = store.Get<ResultsStore>().Current!.RunFor("python-web-frameworks")!;
        Assert.Equal("rerun-2026-06", current.Run.Id);
        Assert.Equal([9100, 9300, 9200], current.Find("fastapi", "json", "rps")!.Samples);
        Assert.Equal(seeded + 1, await store.CountAsync("runs"));
    }

    [Fact]
    public async Task Csv_imports_round_trip()
    {
        await using var store = await StoreHarness.CreateAsync(await postgres.CreateDatabaseAsync(), seed: true);
        using var reader = new StreamReader(Fixture("good.csv"));
        var parsed = CsvRunParser.Parse(reader, "python-web-frameworks", null,
            new RunInfo
            {
                Id = "csv-2026-08",
                Title = "CSV",
                Date = new DateOnly(2026, 8, 1),
                Source = "Fixture",
                Origin = RunOrigin.Measured,
            });

        var outcome = await store.Get<RunImporter>().ImportAsync(parsed.Document!, CancellationToken.None);

        Assert.True(outcome.Succeeded);
        Assert.Equal(2500.5, (await store.LoadRunAsync("csv-2026-08")).Find("flask", "json", "rps")!.Value);
    }

    [Fact]
    public async Task Import_rejects_unknown_metric_and_writes_nothing()
    {
        await using var store = await StoreHarness.CreateAsync(await postgres.CreateDatabaseAsync(), seed: true);
        var before = await store.DumpAsync();

        var outcome = await store.ImportFileAsync(Fixture("unknown-metric.json"));

        var problem = Assert.Single(outcome.Problems);
        Assert.Equal(
            "$.results[1].metric: unknown metric \"throughput\": declare it in \"metrics\" "
            + "or use a known one (cold-start, connections, memory, p50, p99, round-trips, rps, score, server-cost)",
            problem.ToString());
        Assert.Equal(before, await store.DumpAsync());
    }

    [Theory]
    [InlineData("malformed.json")]
    [InlineData("truncated.json")]
    [InlineData("wrong-types.json")]
    [InlineData("duplicate-rows.json")]
    [InlineData("duplicate-keys.json")]
    public async Task Every_bad_file_leaves_the_store_unchanged(string file)
    {
        await using var store = await StoreHarness.CreateAsync(await postgres.CreateDatabaseAsync(), seed: true);
        var before = await store.DumpAsync();

        var outcome = await store.ImportFileAsync(Fixture(file));

        Assert.False(outcome.Succeeded);
        Assert.NotEmpty(outcome.Problems);
        Assert.Equal(before, await store.DumpAsync());
    }

    [Fact]
    public async Task Reimporting_a_run_id_replaces_the_run_instead_of_duplicating_it()
    {
        await using var store = await StoreHarness.CreateAsync(await postgres.CreateDatabaseAsync(), seed: true);
        var seedBytes =
            await File.ReadAllBytesAsync(SiteRoot.Locate(null).Combine("migrations/seed/bytepulse-2026-03.json"));
        var seed = RunDocumentParser.Parse(seedBytes).Document!;
        var changed = seed with { Results = [.. seed.Results.Take(3).Select(r => r with { Value = r.Value + 1 })] };
        var (runs, measurements) = (await store.CountAsync("runs"), await store.CountAsync("measurements"));

        var outcome = await store.Get<RunImporter>().ImportAsync(changed, CancellationToken.None);
        await store.Get<ResultsStore>().ReloadAsync(CancellationToken.None);

        Assert.True(outcome.Succeeded);
        Assert.Equal(runs, await store.CountAsync("runs"));
        Assert.Equal(measurements - seed.Results.Count + 3, await store.CountAsync("measurements"));
        Assert.Equal(8521, (await store.LoadRunAsync(seed.Run.Id)).Find("fastapi", "json", "rps")!.Value);
    }

    [Theory]
    [InlineData(RunOrigin.Measured)]
    [InlineData(RunOrigin.Reported)]
    public async Task Every_field_of_a_run_comes_back_from_the_store_as_it_went_in(RunOrigin origin)
    {
        await using var store = await StoreHarness.CreateAsync(await postgres.CreateDatabaseAsync(), seed: true);
        var run = new RunInfo
        {
            Id = "every-field_1.0",
            Title = "Every field",
            Date = new DateOnly(2026, 9, 1),
            PeriodStart = new DateOnly(2026, 8, 1),
            PeriodEnd = new DateOnly(2026, 8, 31),
            Source = "Fixture",
            SourceUrl = "https://example.org/run",
            Origin = origin,
            Hardware = "Box",
            Cores = 4,
            Memory = "8 GB",
            Os = "Debian",
            ServerSetup = "Uvicorn",
            LoadTool = "wrk",
            Concurrency = 32,
            Duration = "30 s",
            Notes = "Notes",
            // A list built the way the parser builds it: a compiler-made type, not an array.
            Caveats = [.. TwoCaveats.Where(c => c.Length > 0)],
        };
        var document = new RunDocument
        {
            Suite = "python-web-frameworks",
            Run = run,
            Results = [new ResultRow("fastapi", "json", "rps", 1, null, "$.results[0]")],
        };

        var outcome = await store.Get<RunImporter>().ImportAsync(document, CancellationToken.None);

        Assert.True(outcome.Succeeded);
        var stored = (await store.LoadRunAsync(run.Id)).Run;
        Assert.Equal("python-web-frameworks", stored.Suite);
        Assert.Equal(run with { Caveats = [] }, stored.Info with { Caveats = [] });
        Assert.Equal(run.Caveats, stored.Info.Caveats);
        Assert.Equal(origin == RunOrigin.Reported, stored.IsReported);
        await using var connection = await store.Get<NpgsqlDataSource>().OpenConnectionAsync();
        var text = await connection.ExecuteScalarAsync<string>("select origin from runs where id = 'every-field_1.0'");
        Assert.Equal(origin.ToText(), text);
        var listed = await store.Get<RunRepository>().ListAsync(connection, CancellationToken.None);
        Assert.Equal(origin, listed.Single(r => r.Id == run.Id).Origin);
    }
}
