using System.Net.Sockets;
using ComparisonSite.Caching;
using ComparisonSite.Results.Import;

namespace ComparisonSite.Tests.Hostile;

/// <summary>
/// A large run cited by an article: its downloads are built once per version and kept, a client that stops
/// reading holds no other request behind it, and a run past the bound is refused at import with the reason.
/// </summary>
[LongRunning(seconds: 100)]
public sealed class LargeDownloadTests(PostgresFixture postgres) : IAsyncLifetime, IClassFixture<PostgresFixture>
{
    // About 10 MB of results.json: past the old 8 MB entry limit and past what loopback socket buffers absorb.
    private const int Rows = 80_000;
    private const string Download = "/fastapi-vs-django-vs-flask/results.json";

    // A page of 1,000 measurements (the default budget) in tables and charts: README "Page budget".
    private const int MaxPageBytes = 3 * 1024 * 1024 / 2;
    private static readonly SemaphoreSlim Importing = new(1, 1);
    private static string? _largeRunDatabase;
    private string _database = null!;

    /// <summary>One database holding the large run, imported once for the class (it takes several seconds).</summary>
    public async Task InitializeAsync()
    {
        await Importing.WaitAsync();
        try
        {
            if (_largeRunDatabase is null)
            {
                var database = await postgres.CreateDatabaseAsync();
                var run = WriteRun(Rows);
                try
                {
                    await using var store = await StoreHarness.CreateAsync(database, seed: true);
                    var outcome = await store.ImportFileAsync(run);
                    Assert.Empty(outcome.Problems.Select(p => p.ToString()));
                }
                finally
                {
                    File.Delete(run);
                }

                _largeRunDatabase = database;
            }

            _database = _largeRunDatabase;
        }
        finally
        {
            Importing.Release();
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_large_download_is_built_once_and_kept_for_every_encoding()
    {
        await using var site = SiteFactory.Create(SiteFactory.RepositoryContent, _database);
        var reader = site.CreateReader();
        var cache = site.Get<PageCache>();
        await reader.GetAsync("/fastapi-vs-django-vs-flask");
        var entries = cache.Count;

        var bodies = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => reader.GetByteArrayAsync(Download)));
        using var gzip = new HttpRequestMessage(HttpMethod.Get, Download);
        gzip.Headers.Add("Accept-Encoding", "gzip");
        using var compressed = await reader.SendAsync(gzip);

        Assert.True(bodies[0].Length > 8 * 1024 * 1024, $"results.json is {bodies[0].Length} bytes");
        Assert.All(bodies, body => Assert.Equal(bodies[0], body));
        Assert.Equal("gzip", Assert.Single(compressed.Content.Headers.ContentEncoding));
        Assert.Equal(entries + 2, cache.Count);
        Assert.Equal(Rows, JsonDocument.Parse(bodies[0]).RootElement.GetProperty("measurements").GetArrayLength());
    }

    [Fact]
    public async Task A_client_that_stops_reading_does_not_hold_another_request_for_the_same_download()
    {
        await using var site = await SiteServer.StartAsync(_database);
        using var stalled = new TcpClient { ReceiveBufferSize = 8192 };
        var uri = new Uri(site.BaseUrl);
        await stalled.ConnectAsync(uri.Host, uri.Port);
        await stalled.GetStream().WriteAsync(Encoding.ASCII.GetBytes($"GET {Download} HTTP/1.1\r\nHost: x\r\n\r\n"));
        // The stalled request renders first; it reads the status line and then nothing more.
        var first = new byte[16];
        await stalled.GetStream().ReadAtLeastAsync(first, first.Length).AsTask().WaitAsync(TimeSpan.FromSeconds(30));

        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var waited = Stopwatch.StartNew();
        using var response = await client.GetAsync(site.BaseUrl + Download);
        var body = await response.Content.ReadAsByteArrayAsync();
        waited.Stop();

        Assert.StartsWith("HTTP/1.1 200 OK", Encoding.ASCII.GetString(first), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(body.Length > 8 * 1024 * 1024);
        Assert.True(
            waited.Elapsed < PageCacheMiddleware.WaitLimit + TimeSpan.FromSeconds(3),
            $"the second request took {waited.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task Pages_that_list_the_large_run_stay_within_the_page_budget_in_parts()
    {
        await using var site = SiteFactory.Create(SiteFactory.RepositoryContent, _database);
        var reader = site.CreateReader();
        const string run = "/fastapi-vs-django-vs-flask/runs/large-run-2026-11";
        const string difference = "/fastapi-vs-django-vs-flask/runs/bytepulse-2026-03/vs/large-run-2026-11";
        // 80,000 measurements in rows of 100 frameworks: 10 rows a part, 80 parts. The difference has the same
        // 80 parts of the large run's rows, and one more of the seeded run's 21.
        var pages = new[] { "/fastapi-vs-django-vs-flask/data", run, $"{run}/part/80", difference,
            $"{difference}/part/81" };

        var sizes = new List<(string Page, HttpStatusCode Status, int Bytes)>();
        foreach (var page in pages)
        {
            using var response = await reader.GetAsync(page);
            sizes.Add((page, response.StatusCode, (await response.Content.ReadAsByteArrayAsync()).Length));
        }

        // An uncompressed part is rendered for its reader and not kept; its gzip copy is.
        var cache = site.Get<PageCache>();
        var entries = cache.Count;
        using var uncompressed = await reader.GetAsync($"{run}/part/2");
        var afterUncompressed = cache.Count;
        using var gzip = new HttpRequestMessage(HttpMethod.Get, $"{run}/part/2");
        gzip.Headers.Add("Accept-Encoding", "gzip");
        using var compressed = await reader.SendAsync(gzip);
        using var pastTheEnd = await reader.GetAsync($"{run}/part/81");
        var middle = await SiteFactory.ParseAsync(await reader.GetAsync($"{run}/part/40"));

        Assert.All(sizes, s => Assert.Equal(HttpStatusCode.OK, s.Status));
        // A part is real tables: 1,000 values (10 scenario-metric rows of 100 frameworks), no figure error.
        Assert.Equal(1_000, middle.QuerySelectorAll("#tables table.benchmark td data").Length);
        Assert.Empty(middle.QuerySelectorAll(".figure-missing, .figure-error"));
        Assert.All(sizes, s => Assert.True(s.Bytes < MaxPageBytes, $"{s.Page} is {s.Bytes:N0} bytes"));
        Assert.Equal(HttpStatusCode.NotFound, pastTheEnd.StatusCode);
        Assert.Equal(HttpStatusCode.OK, uncompressed.StatusCode);
        Assert.Equal(entries, afterUncompressed);
        Assert.Equal("gzip", Assert.Single(compressed.Content.Headers.ContentEncoding));
        Assert.Equal(entries + 1, cache.Count);
    }

    [Fact]
    public async Task A_run_past_the_measurement_bound_is_refused_and_nothing_is_written()
    {
        var path = WriteRun(RunImporter.MaxMeasurements + 1);
        try
        {
            await using var store = await StoreHarness.CreateAsync(await postgres.CreateDatabaseAsync());
            var before = await store.DumpAsync();

            var outcome = await store.ImportFileAsync(path);

            var problem = Assert.Single(outcome.Problems);
            Assert.Equal("$", problem.Location);
            Assert.Equal("the run has 100,001 measurements; the limit is 100,000 a run", problem.Message);
            Assert.Equal(before, await store.DumpAsync());
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>
    /// A run of the article's suite, newer than the seed, with this many measurements over 100 frameworks and
    /// 10 metrics. Written with the JSON writer: a file this size is no fixture to keep in the repository.
    /// </summary>
    private static string WriteRun(int rows)
    {
        var path = Path.Combine(Path.GetTempPath(), $"large-run-{Guid.NewGuid():N}.json");
        using var file = File.Create(path);
        using var json = new Utf8JsonWriter(file);
        var scenarios = (rows + 999) / 1000;
        json.WriteStartObject();
        json.WriteString("suite", "python-web-frameworks");
        json.WriteString("suiteTitle", "Python web frameworks");
        json.WriteStartObject("run");
        json.WriteString("id", "large-run-2026-11");
        json.WriteString("title", "A large run");
        json.WriteString("date", "2026-11-01");
        json.WriteString("source", "tests");
        // Reported: the article's default run (front matter origin: reported) is what results.json serves.
        json.WriteString("origin", "reported");
        json.WriteEndObject();
        WriteCatalog(json, "frameworks", "fw", 100, o => o.WriteString("language", "Python"));
        WriteCatalog(json, "scenarios", "scenario", scenarios, _ => { });
        WriteCatalog(json, "metrics", "metric", 10, o =>
        {
            o.WriteString("unit", "req/s");
            o.WriteString("better", "higher");
            o.WriteNumber("decimals", 0);
            o.WriteString("kind", "measurement");
        });
        json.WriteStartArray("results");
        for (var i = 0; i < rows; i++)
        {
            json.WriteStartObject();
            json.WriteString("framework", $"fw-{i % 100}");
            json.WriteString("scenario", $"scenario-{i / 1000}");
            json.WriteString("metric", $"metric-{i / 100 % 10}");
            json.WriteNumber("value", (i % 9973) + 0.5);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        return path;
    }

    private static void WriteCatalog(
        Utf8JsonWriter json, string name, string prefix, int count, Action<Utf8JsonWriter> more)
    {
        json.WriteStartArray(name);
        for (var i = 0; i < count; i++)
        {
            json.WriteStartObject();
            json.WriteString("slug", $"{prefix}-{i}");
            json.WriteString("name", $"{prefix} {i}");
            more(json);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }
}
