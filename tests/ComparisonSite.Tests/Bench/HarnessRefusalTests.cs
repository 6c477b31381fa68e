using ComparisonSite.Results.Import;

namespace ComparisonSite.Tests.Bench;

/// <summary>
/// What the framework harness refuses or records when an app misbehaves: each case starts one or two real apps
/// with the apps' fault hook and checks what the harness says and writes. Narrow runs (one test type, a few
/// connections, one round) keep each case to seconds.
/// </summary>
[LongRunning(seconds: 150)]
public sealed class HarnessRefusalTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("frameworks-refusal-test.").FullName;

    public static TheoryData<string, string, string> WrongUnderLoad => new()
    {
        // A wrong but well-formed 200 from the 21st answer of each worker on: past the check before the load.
        { "single-query", "flask:single-query:body:20", "responses failed the single-query check" },
        { "serialization", "django:serialization:redirect:20", "status 302" },
        { "fortunes", "fastapi:fortunes:unescaped:20", "responses failed the fortunes check" },
    };

    [Theory]
    [MemberData(nameof(WrongUnderLoad))]
    public async Task A_wrong_answer_under_load_refuses_the_run_naming_the_framework_type_count_and_an_example(
        string type, string fault, string said)
    {
        var framework = fault.Split(':')[0];
        var output = Path.Combine(_folder, "refused.json");

        var run = await HarnessProcess.RunAsync(Narrow(framework, type, output), HarnessProcess.Fault(fault));

        var text = run.Output + run.Error;
        Assert.True(run.ExitCode == 1, $"expected the run refused (exit 1):\n{text}");
        Assert.Contains($"invalid run: {framework} {type}", text, StringComparison.Ordinal);
        Assert.Contains(said, text, StringComparison.Ordinal);
        Assert.Matches(@"\d+ of \d+ (responses|requests)", text);
        Assert.False(File.Exists(output), "the refused run wrote its document");
    }

    [Fact]
    public async Task A_fortunes_page_with_an_unescaped_script_is_refused_before_any_load()
    {
        var output = Path.Combine(_folder, "unescaped.json");

        var run = await HarnessProcess.RunAsync(
            Narrow("django", "fortunes", output), HarnessProcess.Fault("django:fortunes:unescaped"));

        var text = run.Output + run.Error;
        Assert.True(run.ExitCode == 2, $"expected the check before the load to stop the run:\n{text}");
        Assert.Contains("django", text, StringComparison.Ordinal);
        Assert.Contains("<script>", text, StringComparison.Ordinal);
        Assert.DoesNotContain("round 1:", text, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public async Task An_extra_query_per_request_is_not_hidden_it_shows_in_the_round_trips_measured_under_load()
    {
        var output = Path.Combine(_folder, "extra.json");

        var run = await HarnessProcess.RunAsync(
            [.. Narrow("fastapi,flask", "single-query", output), "--run-id", "extra-query-test"],
            HarnessProcess.Fault("fastapi:single-query:extra-query"));

        Assert.True(run.ExitCode == 0, $"the harness failed:\n{run.Output}\n{run.Error}");
        var document = RunDocumentParser.Parse(await File.ReadAllBytesAsync(output)).Document!;
        double RoundTrips(string framework) => document.Results.Single(
            r => r.Framework == framework && r.Scenario == "single-query-c4" && r.Metric == "round-trips").Value;
        Assert.InRange(RoundTrips("fastapi"), 1.9, 2.2);
        Assert.InRange(RoundTrips("flask"), 0.9, 1.2);
        Assert.Matches(@"fastapi .*single-query 2\b", run.Output);
    }

    [Fact]
    public async Task A_drifting_reference_probe_repeats_the_round_then_refuses_the_run()
    {
        var output = Path.Combine(_folder, "drift.json");

        // A limit no two probes meet: every round drifts, so the one repeat allowed is used and the run refused.
        var run = await HarnessProcess.RunAsync(
            [.. Narrow("flask", "plaintext", output), "--drift", "0.000001", "--repeats", "1"]);

        var text = run.Output + run.Error;
        Assert.True(run.ExitCode == 1, $"expected the run refused:\n{text}");
        Assert.Matches(@"round 1: the drift probe moved [+-]\d+% during the round \(limit ±0%\); repeating it", text);
        Assert.Contains("in 2 attempts; the machine is too unsteady", text, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string[] Narrow(string frameworks, string type, string output) =>
        ["--smoke", "--frameworks", frameworks, "--types", type, "--levels", "4", "--out", output];
}
