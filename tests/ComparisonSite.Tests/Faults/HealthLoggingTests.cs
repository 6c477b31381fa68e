namespace ComparisonSite.Tests.Faults;

/// <summary>
/// The public readiness probe during an outage: however many probes come while PostgreSQL is down, the log gets
/// one line when readiness drops and one when it returns, and no request line per probe.
/// </summary>
[Collection(SerialTests.Name)]
public sealed class HealthLoggingTests
{
    private const int Probes = 300;

    [Fact]
    public async Task Probes_while_PostgreSQL_is_stopped_log_one_error_line_and_recovery_one_line()
    {
        await using var cluster = await PrivateCluster.StartAsync("health-log");
        await using var site = await SiteServer.StartAsync(await cluster.CreateDatabaseAsync());
        using var client = new HttpClient { BaseAddress = new Uri(site.BaseUrl) };

        await cluster.Server.StopAsync(CancellationToken.None);
        await Eventually.TrueAsync(async () =>
            (await client.GetAsync("/healthz/ready")).StatusCode == HttpStatusCode.ServiceUnavailable);
        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            var statuses = new List<HttpStatusCode>();
            for (var i = 0; i < Probes / 4; i++)
            {
                using var response = await client.GetAsync("/healthz/ready");
                statuses.Add(response.StatusCode);
            }

            return statuses;
        }));
        var whileDown = Lines(site);
        Assert.All(answers.SelectMany(a => a), s => Assert.Equal(HttpStatusCode.ServiceUnavailable, s));
        var errors = whileDown.Where(l => l.Contains(" ERR] ", StringComparison.Ordinal)).ToList();
        Assert.True(errors.Count == 1, $"{errors.Count} error lines:\n{string.Join('\n', errors.Take(5))}");
        var drops = whileDown.Where(l => l.Contains("Readiness: Unhealthy", StringComparison.Ordinal)).ToList();
        Assert.True(drops.Count == 1, $"{drops.Count} lines for the drop:\n{string.Join('\n', whileDown)}");
        var dropped = drops[0];
        Assert.Contains(" ERR] ", dropped, StringComparison.Ordinal);
        Assert.Contains("results store is unreachable", dropped, StringComparison.Ordinal);

        await cluster.Server.StartAsync(CancellationToken.None);
        await Eventually.TrueAsync(async () =>
            (await client.GetAsync("/healthz/ready")).StatusCode == HttpStatusCode.OK);
        for (var i = 0; i < 20; i++)
        {
            (await client.GetAsync("/healthz/ready")).Dispose();
        }

        // The site's output reaches the test through a pipe: wait for the line rather than race it.
        await Eventually.TrueAsync(() => site.Log.Contains("Readiness: healthy again", StringComparison.Ordinal));
        var all = Lines(site);
        Assert.DoesNotContain(all, l => l.Contains("/healthz", StringComparison.Ordinal));
        var recoveries = all.Count(l => l.Contains("Readiness: healthy again", StringComparison.Ordinal));
        Assert.True(recoveries == 1, $"{recoveries} lines for the recovery:\n{string.Join('\n', all)}");
        Assert.True(all.Count < 40, $"{all.Count} log lines for {Probes} probes:\n{string.Join('\n', all)}");
    }

    private static List<string> Lines(SiteServer site) =>
        [.. site.Log.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
