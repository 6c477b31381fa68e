using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ComparisonSite.Hosting;

/// <summary>
/// Logs readiness when it changes, not at every probe: /healthz/ready is public, and while the store is down each
/// probe used to write an error line (3,696 in 20 s), so anyone could inflate the log during an outage. One
/// line when the state changes (which check turned what, and why), one when it is ready again, and while it stays
/// unready a summary at most every <see cref="SummaryInterval"/>, counting the probes in between. The framework's
/// own line per check per probe is switched off (see <see cref="SiteRegistration.AddSiteLogging"/>).
/// </summary>
internal sealed class ReadinessLog(ILogger<ReadinessLog> logger, TimeProvider clock)
{
    /// <summary>How often a readiness problem that lasts is logged again (on the next probe after it).</summary>
    public static readonly TimeSpan SummaryInterval = TimeSpan.FromMinutes(1);

    private readonly Lock _lock = new();
    private string? _state;
    private bool _wasReady;
    private DateTimeOffset _since;
    private DateTimeOffset _lastLine;
    private long _probes;

    /// <summary>Takes one probe's report; logs only when the state changed or a summary is due.</summary>
    public void Observe(HealthReport report)
    {
        var now = clock.GetUtcNow();
        // The state is each check's status; descriptions carry counts and ages that change at every probe.
        var state = string.Join(", ", report.Entries.OrderBy(e => e.Key, StringComparer.Ordinal)
            .Select(e => $"{e.Key} {e.Value.Status}"));
        string? previous;
        bool wasReady;
        DateTimeOffset since;
        long probes;
        lock (_lock)
        {
            previous = _state;
            wasReady = _wasReady;
            since = _since;
            probes = _probes;
            if (state == _state)
            {
                _probes++;
                if (report.Status == HealthStatus.Healthy || now - _lastLine < SummaryInterval)
                {
                    return;
                }

                _lastLine = now;
                probes = _probes;
            }
            else
            {
                _state = state;
                _since = now;
                _lastLine = now;
                _probes = 1;
                _wasReady |= report.Status != HealthStatus.Unhealthy;
            }
        }

        var problems = Problems(report);
        var exception = report.Entries.Values.Select(e => e.Exception).FirstOrDefault(e => e is not null);
        if (state == previous)
        {
            logger.Log(
                LevelOf(report.Status),
                exception,
                "Readiness: still {Status}, {Probes} probes since {Since:u} ({Problems})",
                report.Status,
                probes,
                since,
                problems);
        }
        else if (report.Status == HealthStatus.Healthy && !wasReady)
        {
            logger.LogInformation("Readiness: ready");
        }
        else if (report.Status == HealthStatus.Healthy)
        {
            logger.LogInformation(
                "Readiness: healthy again after {Seconds} s and {Probes} probes",
                Math.Round((now - since).TotalSeconds), probes);
        }
        else if (!wasReady && report.Status == HealthStatus.Unhealthy)
        {
            // Starting up: expected for a moment; if it lasts, the summary a minute on is an error.
            logger.LogInformation("Readiness: not ready yet ({Problems})", problems);
        }
        else
        {
            logger.Log(
                LevelOf(report.Status), exception, "Readiness: {Status} ({Problems})", report.Status, problems);
        }
    }

    private static LogLevel LevelOf(HealthStatus status) =>
        status == HealthStatus.Unhealthy ? LogLevel.Error : LogLevel.Warning;

    private static string Problems(HealthReport report) =>
        string.Join("; ", report.Entries.Where(e => e.Value.Status != HealthStatus.Healthy)
            .OrderBy(e => e.Key, StringComparer.Ordinal)
            .Select(e => $"{e.Key}: {e.Value.Status}, {e.Value.Description}"));
}
