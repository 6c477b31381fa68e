using ComparisonSite.Results.Import;

namespace ComparisonSite.Tests.Results;

/// <summary>
/// The measured runs committed beside the seed are the harness's own output, never edited by hand: they parse,
/// are ours, carry every round as a sample with the median as its value, and name the machine they ran on. The
/// current one (the latest) also carries every test type, the work each app did per request, and its setup.
/// </summary>
public sealed class MeasuredSeedTests
{
    private static readonly RunDocument Measured = TestSnapshots.MeasuredSeedDocument();
    private static readonly string[] Frameworks = ["fastapi", "flask", "django", "django-asgi"];

    // bench/frameworks/spec.md: the statements each test type sends per request, the same for every app.
    private static readonly Dictionary<string, double> Statements = new()
    {
        ["plaintext"] = 0,
        ["serialization-c16"] = 0,
        ["serialization-c64"] = 0,
        ["serialization-c256"] = 0,
        ["single-query-c16"] = 1,
        ["single-query-c64"] = 1,
        ["single-query-c256"] = 1,
        ["multiple-queries"] = 20,
        ["fortunes"] = 1,
        ["updates"] = 40,
        ["json"] = 1,
        ["db"] = 1,
    };

    private static readonly (string Scenario, string Metric)[] Figures =
    [
        ("json", "rps"), ("json", "p50"), ("json", "p99"), ("db", "rps"), ("db", "p50"), ("db", "p99"),
        ("idle", "memory"), ("idle", "cold-start"),
    ];

    [Fact]
    public void It_is_a_measured_run_of_the_seeds_suite_with_the_machine_detected()
    {
        Assert.Equal(RunOrigin.Measured, Measured.Run.Origin);
        Assert.Equal(TestSnapshots.SeedDocument().Suite, Measured.Suite);
        Assert.True(Measured.Run.Cores >= 1);
        Assert.False(string.IsNullOrWhiteSpace(Measured.Run.Hardware));
        Assert.Contains("Linux", Measured.Run.Os, StringComparison.Ordinal);
        Assert.StartsWith("wrk ", Measured.Run.LoadTool, StringComparison.Ordinal);
        Assert.Contains("commit", Measured.Run.Notes, StringComparison.OrdinalIgnoreCase);
        foreach (var framework in new[] { "FastAPI", "Flask", "Django" })
        {
            Assert.Contains(framework, Measured.Run.ServerSetup, StringComparison.Ordinal);
        }

        // The servers are named per framework in the setup (the run page's table), not in the summary line.
        var servers = string.Join(' ', Measured.Run.Setup.Select(s => s.Server));
        Assert.Contains("Uvicorn", servers, StringComparison.Ordinal);
        Assert.Contains("Gunicorn", servers, StringComparison.Ordinal);
    }

    [Fact]
    public void The_earlier_measured_run_stays_as_history_beside_the_current_one()
    {
        var runs = TestSnapshots.MeasuredSeedDocuments();

        Assert.True(runs.Count >= 2, "the earlier measured run is gone from migrations/seed");
        Assert.Equal(runs.Count, runs.Select(r => r.Run.Id).Distinct().Count());
        Assert.Equal(Measured.Run.Id, runs.MaxBy(r => r.Run.Date)!.Run.Id);
    }

    [Fact]
    public void The_current_run_has_every_test_type_with_the_statements_and_connections_each_request_needed()
    {
        foreach (var framework in Frameworks)
        {
            foreach (var (scenario, statements) in Statements)
            {
                Assert.True(Value(framework, scenario, "rps") > 0, $"{framework} {scenario}: no throughput");
                var roundTrips = Value(framework, scenario, "round-trips");
                // The harness counts the request wrk leaves in flight on each connection as answered, so the
                // figure sits on the spec's count; a connection idle when wrk stopped can make it a shade low.
                Assert.True(
                    roundTrips >= statements * 0.98 - 0.01 && roundTrips <= statements * 1.02 + 0.01,
                    $"{framework} {scenario}: {roundTrips} round trips per request where spec.md asks {statements}");
                Assert.True(Value(framework, scenario, "connections") < 0.01, $"{framework} {scenario}: no keep-alive");
            }

            foreach (var scenario in new[] { "json", "db", "serialization-c16", "single-query-c16" })
            {
                Assert.True(Value(framework, scenario, "p99") >= Value(framework, scenario, "p50"));
            }
        }
    }

    [Fact]
    public void The_current_run_says_what_each_framework_ran_and_where_its_versions_are_older_than_the_sources()
    {
        Assert.Equal(Frameworks, Measured.Run.Setup.Select(s => s.Framework));
        var django = Measured.Run.Setup.Single(s => s.Framework == "django");
        Assert.Contains("Django 3.2", django.Software, StringComparison.Ordinal);
        Assert.Contains("support for Django 3.2 ended", django.Note, StringComparison.Ordinal);
        Assert.Contains("Uvicorn", Measured.Run.Setup.Single(s => s.Framework == "django-asgi").Server,
            StringComparison.Ordinal);
        Assert.Contains(Measured.Scenarios, s => s.Slug == "single-query-c256" && s is
        { Family: "single-query", Concurrency: 256 });
        Assert.Contains(Measured.Run.Caveats, c => c.Contains("ran alone on core", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_framework_has_every_measured_figure_with_its_samples_and_their_median_as_value()
    {
        var expected =
            from framework in Frameworks
            from figure in Figures
            select (framework, figure.Scenario, figure.Metric);
        foreach (var (framework, scenario, metric) in expected)
        {
            var result = Assert.Single(
                Measured.Results, r => r.Framework == framework && r.Scenario == scenario && r.Metric == metric);
            Assert.NotNull(result.Samples);
            // The harness rounds to the metric's decimals, so an even count's median may differ by half a unit.
            Assert.InRange(result.Value - Median(result.Samples), -0.5, 0.5);
            if (metric is "rps" or "p50" or "p99" or "cold-start")
            {
                Assert.True(result.Samples.Count >= 3, $"{framework} {scenario} {metric}: fewer than 3 samples");
            }
        }
    }

    private static double Value(string framework, string scenario, string metric) => Measured.Results.Single(
        r => r.Framework == framework && r.Scenario == scenario && r.Metric == metric).Value;

    private static double Median(IReadOnlyList<double> samples)
    {
        var sorted = samples.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
