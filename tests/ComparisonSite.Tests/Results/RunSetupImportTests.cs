using System.Text;
using System.Text.Json.Nodes;
using ComparisonSite.Results.Import;
using ComparisonSite.Results.Store;
using Dapper;
using Npgsql;

namespace ComparisonSite.Tests.Results;

/// <summary>
/// Issue 29: a run document may say what each framework ran (<c>run.setup</c>) and place scenarios among the levels
/// of one test type (<c>family</c>, <c>concurrency</c>). Both import whole or not at all, a wrong entry is refused
/// naming its field, and documents without them import as before.
/// </summary>
public sealed class RunSetupImportTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    private const string LevelsRun = "measured-2026-12-01";

    private static string LevelsFile => Path.Combine(FixturePaths.Root, "runs", LevelsRun + ".json");

    [Fact]
    public async Task A_setup_and_scenario_levels_import_and_come_back_from_the_store_as_written()
    {
        await using var store = await StoreHarness.CreateAsync(await postgres.CreateDatabaseAsync(), seed: true);
        var document = RunDocumentParser.Parse(await File.ReadAllBytesAsync(LevelsFile)).Document!;

        var outcome = await store.ImportFileAsync(LevelsFile);
        await store.Get<ResultsStore>().ReloadAsync(CancellationToken.None);

        Assert.True(outcome.Succeeded, string.Join("; ", outcome.Problems));
        var stored = (await store.LoadRunAsync(LevelsRun)).Run.Info;
        Assert.Equal(4, stored.Setup.Count);
        Assert.Equal(document.Run.Setup, stored.Setup);
        Assert.Equal(["fastapi", "flask", "django", "django-asgi"], stored.Setup.Select(s => s.Framework));
        Assert.StartsWith("Older than the source's", stored.Setup[0].Note, StringComparison.Ordinal);
        Assert.Null(stored.Setup[1].Note);
        var scenario = store.Get<ResultsStore>().Current!.Scenarios["single-query-c64"];
        Assert.Equal(("single-query", 64), (scenario.Family, scenario.Concurrency));
        // The setup is part of what the run says: the same document again keeps its hash, another setup does not.
        Assert.Equal(RunContentHash.Compute(document), RunContentHash.Compute(document with { }));
        Assert.NotEqual(
            RunContentHash.Compute(document),
            RunContentHash.Compute(
                document with { Run = document.Run with { Setup = [.. document.Run.Setup.Skip(1)] } }));
    }

    [Theory]
    [InlineData("workers", 0, "$.run.setup[2].workers: expected a whole number 1 or more, found another number")]
    [InlineData("workers", "two", "$.run.setup[2].workers: expected a whole number 1 or more, found text of 3")]
    [InlineData("keepAlive", null, "$.run.setup[2].keepAlive: required field is missing")]
    [InlineData("framework", "pyramid", "$.run.setup[2].framework: framework \"pyramid\" has no result in this run")]
    [InlineData("framework", "fastapi", "$.run.setup[2].framework: framework \"fastapi\" already has a setup entry "
        + "(at $.run.setup[0])")]
    [InlineData("threads", 1, "$.run.setup[2].threads: unknown field")]
    public async Task A_bad_setup_entry_is_refused_naming_the_field_and_writes_nothing(
        string field, object? value, string problem)
    {
        await using var store = await StoreHarness.CreateAsync(await postgres.CreateDatabaseAsync(), seed: true);
        var before = await store.DumpAsync();
        var json = Edit(d =>
        {
            var entry = d["run"]!["setup"]![2]!.AsObject();
            entry.Remove(field);
            if (value is not null)
            {
                entry[field] = JsonValue.Create(value);
            }
        });
        var path = await WriteAsync(json);

        var outcome = await store.ImportFileAsync(path);

        Assert.False(outcome.Succeeded);
        Assert.StartsWith(problem, Assert.Single(outcome.Problems).ToString(), StringComparison.Ordinal);
        Assert.Equal(before, await store.DumpAsync());
    }

    [Theory]
    [InlineData("family", "\"Single query\"", "$.scenarios[1].family: expected a slug")]
    [InlineData("concurrency", "0", "$.scenarios[1].concurrency: expected a whole number 1 or more")]
    public void A_wrong_family_or_concurrency_is_refused_naming_the_field(string field, string value, string problem)
    {
        var json = Edit(d => d["scenarios"]![1]![field] = JsonNode.Parse(value));

        var parsed = RunDocumentParser.Parse(json);

        Assert.False(parsed.Succeeded);
        Assert.StartsWith(problem, Assert.Single(parsed.Problems).ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("family", "\"multiple-queries\"",
        "$.scenarios[1].family: would change the family of scenario \"single-query-c64\" from \"single-query\" to "
        + "\"multiple-queries\"")]
    [InlineData("concurrency", "128",
        "$.scenarios[1].concurrency: would change the concurrency of scenario \"single-query-c64\" from \"64\" to "
        + "\"128\"")]
    [InlineData("concurrency", null,
        "$.scenarios[1].concurrency: would change the concurrency of scenario \"single-query-c64\" from \"64\" to "
        + "(none)")]
    public async Task A_scenario_redeclared_at_another_level_is_refused_like_any_catalog_change(
        string field, string? value, string problem)
    {
        await using var store = await StoreHarness.CreateAsync(await postgres.CreateDatabaseAsync(), seed: true);
        Assert.True((await store.ImportFileAsync(LevelsFile)).Succeeded);
        var before = await store.DumpAsync();
        var path = await WriteAsync(Edit(d =>
        {
            d["run"]!["id"] = "measured-2026-12-02";
            d["scenarios"]![1]!.AsObject().Remove(field);
            if (value is not null)
            {
                d["scenarios"]![1]![field] = JsonNode.Parse(value);
            }
        }));

        var outcome = await store.ImportFileAsync(path);

        Assert.StartsWith(problem, Assert.Single(outcome.Problems).ToString(), StringComparison.Ordinal);
        Assert.Equal(before, await store.DumpAsync());
    }

    [Fact]
    public async Task The_seed_documents_from_before_the_setup_import_as_before_and_reimport_unchanged()
    {
        await using var store = await StoreHarness.CreateAsync(await postgres.CreateDatabaseAsync(), seed: true);
        var seeds = Directory.EnumerateFiles(SiteRoot.Locate(null).Combine("migrations/seed"), "*.json")
            .Order(StringComparer.Ordinal)
            .Select(f => RunDocumentParser.Parse(File.ReadAllBytes(f)))
            .ToList();
        var before = await HashesAsync(store);
        var current = TestSnapshots.MeasuredSeedDocument();

        Assert.All(seeds, s => Assert.True(s.Succeeded, string.Join("; ", s.Problems)));
        // The source's run and the measured run of 2026-11-27 were written before run.setup and levels existed.
        var older = seeds.Select(s => s.Document!).Where(d => d.Run.Id != current.Run.Id).ToList();
        Assert.NotEmpty(older);
        Assert.All(older, d => Assert.Empty(d.Run.Setup));
        Assert.All(
            older.SelectMany(d => d.Scenarios),
            s => Assert.Equal(((string?)null, (int?)null), (s.Family, s.Concurrency)));
        foreach (var seed in seeds)
        {
            Assert.True((await store.Get<RunImporter>().ImportAsync(seed.Document!, CancellationToken.None)).Succeeded);
        }

        // Importing the seeds again changes nothing: their hashes, and so the dates their pages carry, stay.
        Assert.Equal(before, await HashesAsync(store));
        Assert.Equal(current.Run.Setup.Count, await store.CountAsync("run_setups"));
    }

    private static async Task<string> HashesAsync(StoreHarness store)
    {
        await using var connection = await store.Get<NpgsqlDataSource>().OpenConnectionAsync();
        var rows = await connection.QueryAsync<string>(
            "select id || ' ' || content_hash || ' ' || changed_at::text from runs order by id");
        return string.Join('\n', rows);
    }

    private static byte[] Edit(Action<JsonNode> edit)
    {
        var document = JsonNode.Parse(File.ReadAllBytes(LevelsFile))!;
        edit(document);
        return Encoding.UTF8.GetBytes(document.ToJsonString());
    }

    private static async Task<string> WriteAsync(byte[] json)
    {
        var folder = Path.Combine(Path.GetTempPath(), "comparisonsite-tests");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"setup-{Guid.NewGuid():N}.json");
        await File.WriteAllBytesAsync(path, json);
        return path;
    }
}
