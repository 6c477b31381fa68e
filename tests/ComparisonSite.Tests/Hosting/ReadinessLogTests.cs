using ComparisonSite.Hosting;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace ComparisonSite.Tests.Hosting;

/// <summary>
/// Readiness is logged once per change and in a summary a minute while it stays unready, never per probe; the
/// real site with its PostgreSQL stopped is in <see cref="Faults.HealthLoggingTests"/>.
/// </summary>
public sealed class ReadinessLogTests
{
    private readonly SettableClock _clock = new();
    private readonly LineLogger _lines = new();
    private readonly ReadinessLog _log;

    public ReadinessLogTests() => _log = new ReadinessLog(_lines, _clock);

    private static HealthReport Report(HealthStatus results, string description = "The results store is unreachable.")
    {
        var entries = new Dictionary<string, HealthReportEntry>
        {
            ["content"] = new(HealthStatus.Healthy, "Content loaded.", TimeSpan.Zero, null, null),
            ["results"] = new(results, description, TimeSpan.Zero, null, null),
        };
        return new HealthReport(entries, TimeSpan.Zero);
    }

    private void Probe(HealthStatus results, int times = 1, string description = "The results store is unreachable.")
    {
        for (var i = 0; i < times; i++)
        {
            _log.Observe(Report(results, description));
            _clock.Now += TimeSpan.FromMilliseconds(100);
        }
    }

    [Fact]
    public void A_thousand_unhealthy_probes_write_one_error_line_and_recovery_one_line()
    {
        Probe(HealthStatus.Healthy, 50);
        Probe(HealthStatus.Unhealthy, 500, "The results store is unreachable; snapshot 3 s old.");
        Probe(HealthStatus.Unhealthy, 100, "The results store is unreachable; snapshot 53 s old.");
        Probe(HealthStatus.Healthy, 50);

        Assert.Equal(
            [
                "Information Readiness: ready",
                "Error Readiness: Unhealthy (results: Unhealthy, The results store is unreachable; snapshot 3 s old.)",
                "Information Readiness: healthy again after 60 s and 600 probes",
            ],
            _lines.Lines);
    }

    [Fact]
    public void While_it_stays_unhealthy_a_summary_a_minute_counts_the_probes()
    {
        Probe(HealthStatus.Healthy);
        Probe(HealthStatus.Unhealthy, 1_000);
        Probe(HealthStatus.Unhealthy, 100);

        Assert.Equal(3, _lines.Lines.Count);
        Assert.StartsWith("Error Readiness: Unhealthy", _lines.Lines[1], StringComparison.Ordinal);
        Assert.StartsWith("Error Readiness: still Unhealthy, 601 probes since ", _lines.Lines[2],
            StringComparison.Ordinal);
    }

    [Fact]
    public void Not_ready_at_start_up_and_then_ready_are_information()
    {
        Probe(HealthStatus.Unhealthy, 10);
        Probe(HealthStatus.Healthy);

        Assert.Equal(
            [
                "Information Readiness: not ready yet (results: Unhealthy, The results store is unreachable.)",
                "Information Readiness: ready",
            ],
            _lines.Lines);
    }

    [Fact]
    public void Not_ready_for_a_minute_after_start_up_is_an_error()
    {
        Probe(HealthStatus.Unhealthy, 700);

        Assert.Equal(2, _lines.Lines.Count);
        Assert.StartsWith("Information Readiness: not ready yet", _lines.Lines[0], StringComparison.Ordinal);
        Assert.StartsWith("Error Readiness: still Unhealthy, 601 probes since 2026-11-27 12:00:00Z", _lines.Lines[1],
            StringComparison.Ordinal);
    }

    private sealed class SettableClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private sealed class LineLogger : ILogger<ReadinessLog>
    {
        public List<string> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(
            LogLevel logLevel, EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter) => Lines.Add($"{logLevel} {formatter(state, exception)}");
    }
}
