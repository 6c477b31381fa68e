using Xunit.Abstractions;

namespace ComparisonSite.Tests.Caching.Edge;

/// <summary>
/// Varnish (deploy/varnish/site.vcl) in front of two site processes on one PostgreSQL, all on loopback: pages
/// are served from the edge, an import by a separate process purges exactly the pages it changes, and the
/// edge keeps serving with one instance stopped or with its purge endpoint gone.
/// </summary>
[Collection(SerialTests.Name)]
public sealed class EdgeCacheTests(PostgresFixture postgres, ITestOutputHelper output) : IClassFixture<PostgresFixture>
{
    private const string Article = "/fastapi-vs-django-vs-flask";
    private const string Unrelated = "/postgresql-vs-sqlite";
    private static readonly string Import = Path.Combine(FixturePaths.Root, "imports", "second-run.json");

    [Fact]
    public async Task Pages_hit_the_edge_an_import_purges_only_what_it_changes_and_one_instance_may_stop()
    {
        await using var edge = await Edge.StartAsync(postgres);
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };

        // The origin names what each page depends on, and lets shared caches keep it long.
        using (var direct = await client.GetAsync(edge.Instances[0].BaseUrl + Article))
        {
            var keys = direct.Headers.GetValues("Surrogate-Key").Single().Split(' ');
            Assert.Contains("site", keys);
            Assert.Contains("comparison:fastapi-vs-django-vs-flask", keys);
            Assert.Contains("suite:python-web-frameworks", keys);
            Assert.Contains("run:python-web-frameworks:bytepulse-2026-03", keys);
            Assert.Contains("s-maxage=86400", direct.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
            Assert.Contains("max-age=60", direct.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        }

        var before = await GetAsync(client, edge.Url(Article));
        await GetAsync(client, edge.Url(Unrelated));
        var hits = 0;
        const int reads = 40;
        for (var i = 0; i < reads; i++)
        {
            hits += (await GetAsync(client, edge.Url(i % 2 == 0 ? Article : Unrelated))).Hit ? 1 : 0;
        }

        output.WriteLine($"hit ratio after the first read of each page: {hits}/{reads}");
        Assert.Equal(reads, hits);
        var unrelated = await GetAsync(client, edge.Url(Unrelated));
        Assert.True(unrelated.Hit);
        Assert.DoesNotContain("Surrogate-Key", (await client.GetAsync(edge.Url(Article))).Headers.Select(h => h.Key));

        var import = await SiteProcess.RunVerbAsync(edge.Database, "import", Import);
        Assert.True(import.ExitCode == 0, import.Output + import.Error);
        var clock = Stopwatch.StartNew();
        Page fresh;
        do
        {
            fresh = await GetAsync(client, edge.Url(Article));
        }
        while (fresh.Body == before.Body && clock.Elapsed < TimeSpan.FromSeconds(5));

        var elapsed = clock.Elapsed;
        foreach (var line in edge.Instances.SelectMany(i => i.Log.Split('\n')).Where(l => l.Contains("Purge")))
        {
            output.WriteLine(line);
        }

        output.WriteLine($"import to fresh article through the edge: {elapsed.TotalMilliseconds:F0} ms");
        Assert.NotEqual(before.Body, fresh.Body);
        Assert.True(elapsed < TimeSpan.FromSeconds(1), $"the new figures took {elapsed.TotalMilliseconds:F0} ms");
        var data = await GetAsync(client, edge.Url(Article + "/data"));
        Assert.Contains("rerun-2026-06", data.Body, StringComparison.Ordinal);

        // Both instances have purged by now (each after its own swap); the unrelated page was never purged: the
        // same stored object (X-Varnish's second number) answers, older than before.
        await Task.Delay(TimeSpan.FromSeconds(1));
        var after = await GetAsync(client, edge.Url(Unrelated));
        Assert.True(after.Hit);
        Assert.Equal(unrelated.ObjectId, after.ObjectId);
        Assert.Equal(unrelated.Body, after.Body);
        Assert.True(after.Age >= 1, $"Age {after.Age}");
        foreach (var instance in edge.Instances)
        {
            Assert.Contains("Purged", instance.Log, StringComparison.Ordinal);
        }

        // One instance stopped: the probe marks it sick and the other serves every miss (and a fetch that still
        // reaches the stopped one is retried on the other), so readers see no error.
        Assert.Equal(0, await edge.Instances[0].StopAsync());
        var paths = new[] { "/", Article + "/data", "/sitemap.xml", "/feed.xml", Unrelated + "/data" };
        foreach (var path in paths.Concat(paths))
        {
            using var response = await client.GetAsync(edge.Url(path));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task With_the_purge_endpoint_unreachable_an_import_succeeds_and_the_failure_is_logged_once()
    {
        var database = await CreateStoreAsync(postgres);
        var closed = $"http://127.0.0.1:{Loopback.FreePort()}/";
        await using var site = await SiteServer.StartAsync(database, Purging(closed));

        var import = await SiteProcess.RunVerbAsync(database, "import", Import);

        Assert.True(import.ExitCode == 0, import.Output + import.Error);
        await Eventually.TrueAsync(() => Failures(site) == 1, TimeSpan.FromSeconds(10));
        // All attempts are over (4 attempts, 50 + 100 + 200 ms apart): no second warning comes.
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(1, Failures(site));
        using var client = new HttpClient();
        var page = await client.GetStringAsync(site.BaseUrl + Article + "/data");
        Assert.Contains("rerun-2026-06", page, StringComparison.Ordinal);

        static int Failures(SiteServer site) =>
            site.Log.Split('\n').Count(l => l.Contains("Could not purge", StringComparison.Ordinal));
    }

    private static async Task<string> CreateStoreAsync(PostgresFixture postgres)
    {
        var database = await postgres.CreateDatabaseAsync();
        await using var store = await StoreHarness.CreateAsync(database, seed: true);
        return database;
    }

    private static Dictionary<string, string> Purging(string url) => new()
    {
        ["Edge__Purgers__0__Name"] = "varnish",
        ["Edge__Purgers__0__Method"] = "BAN",
        ["Edge__Purgers__0__Url"] = url,
        ["Edge__Purgers__0__Headers__Surrogate-Key"] = "{keys}",
        ["Edge__Purgers__0__Headers__Purge-Secret"] = VarnishServer.PurgeSecret,
        ["Edge__Purgers__0__BatchSize"] = "32",
        ["Edge__RetryDelayMilliseconds"] = "50",
        ["Serilog__MinimumLevel__Override__ComparisonSite.Edge"] = "Information",
    };

    private static async Task<Page> GetAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var varnish = response.Headers.GetValues("X-Varnish").Single().Split(' ');
        return new Page(
            await response.Content.ReadAsStringAsync(),
            response.Headers.GetValues("X-Cache").Single() == "HIT",
            varnish.Length > 1 ? varnish[1] : null,
            (int)(response.Headers.Age?.TotalSeconds ?? 0));
    }

    private sealed record Page(string Body, bool Hit, string? ObjectId, int Age);

    /// <summary>One store; two instances with the repository's comparison and a fixture one; Varnish.</summary>
    private sealed class Edge : IAsyncDisposable
    {
        private VarnishServer? _varnish;

        public required string Database { get; init; }

        public required string Content { get; init; }

        public List<SiteServer> Instances { get; } = [];

        public string Url(string path) => _varnish!.BaseUrl + path;

        public static async Task<Edge> StartAsync(PostgresFixture postgres)
        {
            var content = Path.Combine(
                Path.GetTempPath(), "comparisonsite-tests", "edge-" + Guid.NewGuid().ToString("N"));
            Copy(Path.Combine(SiteFactory.RepositoryContent, "fastapi-vs-django-vs-flask"), content);
            Copy(Path.Combine(FixturePaths.SecondSiteContent, "postgresql-vs-sqlite"), content);
            var edge = new Edge { Database = await CreateStoreAsync(postgres), Content = content };
            try
            {
                var port = Loopback.FreePort();
                var settings = Purging($"http://127.0.0.1:{port}/");
                settings["Content__Path"] = content;
                var instances = await Task.WhenAll(
                    SiteServer.StartAsync(edge.Database, settings), SiteServer.StartAsync(edge.Database, settings));
                edge.Instances.AddRange(instances);
                edge._varnish = await VarnishServer.StartAsync(port, [.. instances.Select(i => i.BaseUrl)]);
                return edge;
            }
            catch
            {
                await edge.DisposeAsync();
                throw;
            }
        }

        private static void Copy(string comparison, string content)
        {
            var copy = FixturePaths.CopyToTemp(comparison);
            Directory.CreateDirectory(content);
            Directory.Move(copy, Path.Combine(content, Path.GetFileName(comparison)));
        }

        public async ValueTask DisposeAsync()
        {
            if (_varnish is not null)
            {
                await _varnish.DisposeAsync();
            }

            foreach (var instance in Instances)
            {
                await instance.DisposeAsync();
            }

            Directory.Delete(Content, recursive: true);
        }
    }
}
