using System.Collections.Concurrent;

namespace ComparisonSite.Tests.Faults;

/// <summary>The store goes away under load, the process is told to stop under load: readers never see a 5xx.</summary>
[Collection(SerialTests.Name)]
public sealed class FaultTests
{
    private const string Article = "/fastapi-vs-django-vs-flask";

    [Fact]
    public async Task PostgreSQL_stopped_under_load_causes_no_5xx_and_readiness_follows_it_down_and_up()
    {
        await using var cluster = await PrivateCluster.StartAsync("fault");
        await using var site = await SiteServer.StartAsync(await cluster.CreateDatabaseAsync());
        using var client = new HttpClient { BaseAddress = new Uri(site.BaseUrl) };
        var statuses = new ConcurrentBag<HttpStatusCode>();
        var readiness = new ConcurrentBag<HttpStatusCode>();
        using var stop = new CancellationTokenSource();
        var load = Enumerable.Range(0, 8).Select(async _ =>
        {
            var paths = new[] { Article, "/", "/sitemap.xml", Article + "/results.csv" };
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                using var response = await client.GetAsync(paths[i % paths.Length]);
                statuses.Add(response.StatusCode);
            }
        }).ToList();
        var probe = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                using var response = await client.GetAsync("/healthz/ready");
                readiness.Add(response.StatusCode);
                await Task.Delay(100);
            }
        });

        await Task.Delay(1000);
        await cluster.Server.StopAsync(CancellationToken.None);
        await Task.Delay(5000);
        var unhealthyWhileDown = readiness.Contains(HttpStatusCode.ServiceUnavailable);
        await cluster.Server.StartAsync(CancellationToken.None);
        var recovered = Stopwatch.StartNew();
        while ((await client.GetAsync("/healthz/ready")).StatusCode != HttpStatusCode.OK)
        {
            Assert.True(
                recovered.Elapsed < TimeSpan.FromSeconds(15),
                "readiness did not recover within 15 s of the store's return");
            await Task.Delay(100);
        }

        await Task.Delay(1000);
        await stop.CancelAsync();
        await Task.WhenAll(load);
        await probe;

        Assert.True(unhealthyWhileDown, "readiness stayed healthy while the store was down");
        Assert.True(statuses.Count > 100, $"only {statuses.Count} requests were made");
        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Single(
            site.Log.Split('\n'),
            l => l.Contains("Results store unreachable", StringComparison.Ordinal));
        Assert.Single(
            site.Log.Split('\n'),
            l => l.Contains("Results store reachable again", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SIGTERM_under_load_finishes_requests_stops_the_private_postgresql_and_exits_0()
    {
        var clusterFolder = Path.Combine(
            Path.GetTempPath(), "comparisonsite-tests", "own-" + Guid.NewGuid().ToString("N")[..8]);
        // No connection string: the site starts (and must stop) its own PostgreSQL.
        var site = await SiteServer.StartAsync(
            string.Empty,
            new Dictionary<string, string> { ["Results__LocalClusterPath"] = clusterFolder });
        using var client = new HttpClient { BaseAddress = new Uri(site.BaseUrl) };
        var statuses = new ConcurrentBag<HttpStatusCode>();
        var load = Enumerable.Range(0, 8).Select(async _ =>
        {
            while (true)
            {
                try
                {
                    using var response = await client.GetAsync(Article);
                    statuses.Add(response.StatusCode);
                }
                catch (HttpRequestException)
                {
                    return; // the server has stopped accepting connections
                }
            }
        }).ToList();

        await Task.Delay(1500);
        var exitCode = await site.StopAsync();
        await Task.WhenAll(load);

        Assert.Equal(0, exitCode);
        Assert.NotEmpty(statuses);
        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.False(
            File.Exists(Path.Combine(clusterFolder, "data", "postmaster.pid")),
            "the private PostgreSQL is still running");
        Assert.Contains("Stopped the private PostgreSQL", site.Log, StringComparison.Ordinal);
        await site.DisposeAsync();
        Directory.Delete(clusterFolder, recursive: true);
    }
}

/// <summary>An import whose database dies half-way: a clear failure, the old run intact, and a clean retry.</summary>
[Collection(SerialTests.Name)]
public sealed class ImportCrashTests
{
    [Fact]
    public async Task PostgreSQL_killed_in_the_middle_of_an_import_leaves_the_old_run_and_a_retry_succeeds()
    {
        await using var cluster = await PrivateCluster.StartAsync("crash");
        var database = await cluster.CreateDatabaseAsync();
        string before;
        await using (var store = await StoreHarness.CreateAsync(database, seed: true))
        {
            before = await store.DumpAsync();
        }

        var file = await WriteLargeRunAsync(cluster.Folder);
        using var import = SiteProcess.StartVerb(database, "import", file);
        var error = import.StandardError.ReadToEndAsync();
        var output = import.StandardOutput.ReadToEndAsync();
        await Task.Delay(2500);
        Assert.False(
            import.HasExited,
            "the import finished before the database could be killed; make the fixture run larger");
        await cluster.Server.KillAsync(CancellationToken.None);
        await import.WaitForExitAsync();

        Assert.NotEqual(0, import.ExitCode);
        Assert.StartsWith("error: ", await error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", await error, StringComparison.Ordinal);
        Assert.DoesNotContain("imported run", await output, StringComparison.Ordinal);

        await cluster.Server.StartAsync(CancellationToken.None);
        await using (var store = await StoreHarness.CreateAsync(database, migrate: false))
        {
            Assert.Equal(before, await store.DumpAsync());
        }

        var retry = await SiteProcess.RunVerbAsync(database, "import", file);
        Assert.True(retry.ExitCode == 0, retry.Error);
        Assert.Contains("imported run crash-big (30000 measurements)", retry.Output, StringComparison.Ordinal);
    }

    private static async Task<string> WriteLargeRunAsync(string folder)
    {
        var frameworks = Enumerable.Range(0, 300).Select(i => new { slug = $"f{i}", name = $"Framework {i}" });
        var scenarios = Enumerable.Range(0, 10).Select(i => new { slug = $"s{i}", name = $"Scenario {i}" });
        var metrics = Enumerable.Range(0, 10)
            .Select(i => new { slug = $"m{i}", name = $"Metric {i}", unit = "ops/s", better = "higher" });
        var results = from f in Enumerable.Range(0, 300)
                      from s in Enumerable.Range(0, 10)
                      from m in Enumerable.Range(0, 10)
                      select new { framework = $"f{f}", scenario = $"s{s}", metric = $"m{m}", value = f + s + m };
        var document = new
        {
            suite = "crash-suite",
            run = new
            {
                id = "crash-big",
                title = "Large run",
                date = "2026-08-01",
                source = "Fixture",
                origin = "measured",
            },
            frameworks,
            scenarios,
            metrics,
            results,
        };
        var path = Path.Combine(folder, "crash-big.json");
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(document));
        return path;
    }
}
