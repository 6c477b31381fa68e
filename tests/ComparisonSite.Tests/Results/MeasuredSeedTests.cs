using ComparisonSite.Results.Import;

namespace ComparisonSite.Tests.Results;

/// <summary>
/// The measured run committed beside the seed is the harness's own output, never edited by hand: it parses, is
/// ours, carries every round as a sample with the median as its value, and names the machine it ran on.
/// </summary>
public sealed class MeasuredSeedTests
{
    private static readonly RunDocument Measured = TestSnapshots.MeasuredSeedDocument();
    private static readonly string[] Frameworks = ["fastapi", "flask", "django", "django-asgi"];

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
        foreach (var server in new[] { "FastAPI", "Flask", "Django", "Uvicorn", "Gunicorn" })
        {
            Assert.Contains(server, Measured.Run.ServerSetup, StringComparison.Ordinal);
        }
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

    private static double Median(IReadOnlyList<double> samples)
    {
        var sorted = samples.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
