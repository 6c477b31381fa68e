using System.Text.RegularExpressions;
using ComparisonSite.Results.Import;
using ComparisonSite.Results.Store;
using Json.Schema;

namespace ComparisonSite.Tests.Bench;

/// <summary>
/// bench/frameworks/run for real: the four apps on their servers, a private PostgreSQL and wrk, in smoke mode.
/// The harness installs the Debian packages it needs itself; if it cannot run, these tests fail with its output.
/// </summary>
[LongRunning(seconds: 230)]
public sealed partial class FrameworkHarnessTests(PostgresFixture postgres)
    : IDisposable, IClassFixture<PostgresFixture>
{
    private static readonly string[] Frameworks = ["fastapi", "flask", "django", "django-asgi"];
    private static readonly string[] LoadScenarios = ["json", "db"];
    private static readonly string[] LoadMetrics = ["rps", "p50", "p99"];
    private static readonly string[] IdleMetrics = ["memory", "cold-start"];

    // Generous: the smoke run takes about 40 s on an idle 2-core machine, and the machine is shared.
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(5);

    private readonly string _folder = Directory.CreateTempSubdirectory("frameworks-bench-test.").FullName;

    [Fact]
    public async Task Smoke_run_writes_a_measured_run_with_samples_that_imports_beside_the_seed()
    {
        var output = Path.Combine(_folder, "smoke.json");

        // An id of its own: the default (measured-<date>) may be the seeded measured run's, which an import replaces.
        var run = await RunHarnessAsync(["--smoke", "--out", output, "--run-id", "smoke-test-run"]);

        Assert.True(run.ExitCode == 0, $"the harness failed:\n{run.Output}\n{run.Error}");
        var json = await File.ReadAllBytesAsync(output);
        AssertTheSchemaAccepts(json);
        var parsed = RunDocumentParser.Parse(json);
        Assert.True(parsed.Succeeded, string.Join('\n', parsed.Problems));
        var document = parsed.Document!;
        Assert.Equal("python-web-frameworks", document.Suite);
        Assert.Equal(RunOrigin.Measured, document.Run.Origin);
        AssertEverySampleIsThere(document);
        AssertProvenanceIsDetected(document.Run);
        Assert.Contains($"import {output}", run.Output, StringComparison.Ordinal);

        await using var store = await StoreHarness.CreateAsync(await postgres.CreateDatabaseAsync(), seed: true);
        var seeded = await store.CountAsync("runs");
        var outcome = await store.ImportFileAsync(output);
        Assert.True(outcome.Succeeded, string.Join('\n', outcome.Problems));
        Assert.Equal("smoke-test-run", document.Run.Id);
        Assert.Equal(seeded + 1, await store.CountAsync("runs"));
        await store.Get<ResultsStore>().ReloadAsync(CancellationToken.None);
        var current = store.Get<ResultsStore>().Current!;
        Assert.Equal("ms", current.Metrics["p50"].Unit);
    }

    [Fact]
    public async Task A_round_with_failed_requests_is_refused_and_writes_nothing()
    {
        var output = Path.Combine(_folder, "refused.json");

        // No warm-up, so the injected fault shows in a measured round rather than before it.
        var run = await RunHarnessAsync(
            ["--smoke", "--frameworks", "fastapi,flask", "--warmup", "0", "--out", output],
            new Dictionary<string, string> { ["FRAMEWORKS_BENCH_FAULT"] = "flask:db" });

        var said = run.Output + run.Error;
        Assert.True(run.ExitCode != 0, $"the harness accepted a failed round:\n{said}");
        Assert.Matches(RefusedRound(), said);
        Assert.False(File.Exists(output), "the refused run wrote its document");
        Assert.Empty(Directory.EnumerateFileSystemEntries(_folder));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static Task<ProcessResult> RunHarnessAsync(
        IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var root = SiteRoot.Locate(null);
        var start = ToolProcess.StartInfo(
            "bash",
            [root.Combine("bench/frameworks/run"), .. arguments],
            environment,
            root.Path,
            unset: ["FRAMEWORKS_BENCH_FAULT", "PGHOST", "PGPORT", "PGUSER", "PGDATABASE", "PGPASSWORD"]);
        return ToolProcess.RunAsync(start, Limit);
    }

    private static void AssertTheSchemaAccepts(byte[] json)
    {
        var schemaText = File.ReadAllText(
            SiteRoot.Locate(null).Combine("src/ComparisonSite/Results/Import/run-document.schema.json"));
        var schema = JsonSchema.FromText(schemaText, new BuildOptions { SchemaRegistry = new SchemaRegistry() });
        using var document = JsonDocument.Parse(json);
        var result = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(result.IsValid, string.Join('\n', (result.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
    }

    private static void AssertEverySampleIsThere(RunDocument document)
    {
        var expected = Frameworks
            .SelectMany(f => LoadScenarios.SelectMany(s => LoadMetrics.Select(m => (f, s, m))))
            .Concat(Frameworks.SelectMany(f => IdleMetrics.Select(m => (f, "idle", m))));
        foreach (var (framework, scenario, metric) in expected)
        {
            var result = document.Results.SingleOrDefault(
                r => r.Framework == framework && r.Scenario == scenario && r.Metric == metric);
            Assert.True(result is not null, $"no result for {framework} {scenario} {metric}");
            Assert.NotEmpty(result.Samples ?? []);
            Assert.True(result.Value > 0, $"{framework} {scenario} {metric} is {result.Value}");
        }
    }

    private static void AssertProvenanceIsDetected(RunInfo run)
    {
        Assert.True(run.Cores >= 1);
        Assert.False(string.IsNullOrWhiteSpace(run.Hardware));
        Assert.Matches(RamText(), run.Memory ?? "");
        Assert.Contains("Linux kernel", run.Os, StringComparison.Ordinal);
        foreach (var product in new[] { "FastAPI", "Flask", "Django", "Uvicorn", "Gunicorn", "PostgreSQL", "Python" })
        {
            Assert.Matches($@"{product} \d+\.\d+", run.ServerSetup ?? "");
        }

        Assert.Matches(WrkVersion(), run.LoadTool ?? "");
        Assert.Equal(4, run.Concurrency);
        Assert.False(string.IsNullOrWhiteSpace(run.Duration));
        Assert.Matches(Commit(), run.Notes ?? "");
        Assert.NotEmpty(run.Caveats);
    }

    [GeneratedRegex(@"^\d+ GB RAM$")]
    private static partial Regex RamText();

    [GeneratedRegex(@"^wrk \d+\.\d+")]
    private static partial Regex WrkVersion();

    [GeneratedRegex(@"commit [0-9a-f]{7,}(\+dirty)?")]
    private static partial Regex Commit();

    [GeneratedRegex(@"flask db \(round \d+\):.*non-2xx")]
    private static partial Regex RefusedRound();
}
