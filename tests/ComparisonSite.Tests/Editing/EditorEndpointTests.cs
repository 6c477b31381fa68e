using System.Net.Http.Headers;
using Microsoft.Extensions.Hosting;

namespace ComparisonSite.Tests.Editing;

/// <summary>
/// The editor's endpoints: the live preview's event stream and the reference catalogue in Development, and
/// neither (nor the script) anywhere else.
/// </summary>
public sealed class EditorEndpointTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    private const string Article = "/fastapi-vs-django-vs-flask";

    [Theory]
    [InlineData("/_editor/events")]
    [InlineData("/_editor/references")]
    public async Task Production_has_no_editor_endpoints(string path)
    {
        await using var site = await TestSite.CreateAsync(postgres);

        using var response = await site.CreateReader().GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("/")]
    [InlineData(Article)]
    [InlineData(Article + "/data")]
    public async Task Production_pages_do_not_reference_the_live_preview_script(string path)
    {
        await using var site = await TestSite.CreateAsync(postgres);

        using var response = await site.CreateReader().GetAsync(path);
        var page = await SiteFactory.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(page.Scripts, s => s.Source?.Contains("live-preview", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task A_development_page_carries_the_script_and_the_version_the_stream_starts_with()
    {
        await using var site = await TestSite.CreateAsync(postgres, environment: "Development");
        var reader = site.CreateReader();

        var page = await SiteFactory.ParseAsync(await reader.GetAsync(Article));
        await using var stream = await EventStream.OpenAsync(reader);

        var script = Assert.Single(
            page.Scripts, s => s.Source?.Contains("/js/live-preview.js", StringComparison.Ordinal) == true);
        Assert.Equal("/_editor/events", script.GetAttribute("data-events"));
        Assert.Equal(script.GetAttribute("data-version"), await stream.NextVersionAsync());
    }

    [Fact]
    public async Task The_stream_is_neither_compressed_nor_cached_and_announces_a_save_and_an_import()
    {
        await using var site = await TestSite.CreateAsync(
            postgres, SiteFactory.RepositoryContent, "Development", editable: true);
        var reader = site.CreateReader();
        await using var stream = await EventStream.OpenAsync(reader);
        var first = await stream.NextVersionAsync();

        Assert.Equal("text/event-stream", stream.Response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(stream.Response.Content.Headers.ContentEncoding);
        Assert.True(stream.Response.Headers.CacheControl?.NoStore);
        Assert.Null(stream.Response.Headers.ETag);

        var file = Path.Combine(site.Content, "fastapi-vs-django-vs-flask", "09-sources.md");
        await File.AppendAllTextAsync(file, "\nOne more line.\n");
        var saved = await stream.NextVersionAsync();
        Assert.NotEqual(first, saved);

        // From another process: the site hears of it by LISTEN/NOTIFY, as it would of an operator's import.
        var fixture = Path.Combine(FixturePaths.Root, "imports", "second-run.json");
        Assert.Equal(0, (await SiteProcess.RunVerbAsync(site.Database, "import", fixture)).ExitCode);
        var imported = await stream.NextVersionAsync();
        Assert.NotEqual(saved, imported);
    }

    [Fact]
    public async Task An_open_stream_ends_when_the_site_stops()
    {
        await using var site = await TestSite.CreateAsync(postgres, environment: "Development");
        await using var stream = await EventStream.OpenAsync(site.CreateReader());
        await stream.NextVersionAsync();

        var stopping = Stopwatch.StartNew();
        site.Get<IHostApplicationLifetime>().StopApplication();

        while (await stream.NextLineAsync(TimeSpan.FromSeconds(5)) is not null)
        {
        }

        Assert.True(stopping.Elapsed < TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Past_the_cap_a_stream_gets_503_with_retry_after_and_closing_one_lets_a_new_one_in()
    {
        const int cap = 3;
        await using var site = await SiteServer.StartAsync(
            await postgres.CreateDatabaseAsync(),
            new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["Editor__MaxEventStreams"] = cap.ToString(CultureInfo.InvariantCulture),
            });
        using var reader = new HttpClient { BaseAddress = new Uri(site.BaseUrl) };
        var open = new List<EventStream>();
        for (var i = 0; i < cap; i++)
        {
            open.Add(await EventStream.OpenAsync(reader));
            await open[^1].NextVersionAsync();
        }

        using (var refused = await reader.GetAsync("/_editor/events", HttpCompletionOption.ResponseHeadersRead))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.NotNull(refused.Headers.RetryAfter?.Delta);
            Assert.Contains("Editor:MaxEventStreams", await refused.Content.ReadAsStringAsync(),
                StringComparison.Ordinal);
        }

        await open[0].DisposeAsync();
        await Eventually.TrueAsync(async () =>
        {
            using var again = await reader.GetAsync("/_editor/events", HttpCompletionOption.ResponseHeadersRead);
            return again.StatusCode == HttpStatusCode.OK;
        });
        foreach (var stream in open.Skip(1))
        {
            await stream.DisposeAsync();
        }
    }

    [Fact]
    public async Task The_catalogue_lists_the_seed_suite_and_renders_a_snippet_as_the_article_shows_it()
    {
        await using var site = await TestSite.CreateAsync(postgres, environment: "Development");
        var reader = site.CreateReader();

        using var response = await reader.GetAsync("/_editor/references");
        var catalogue = await SiteFactory.ParseAsync(response);
        var article = await SiteFactory.ParseAsync(await reader.GetAsync(Article));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("noindex", catalogue.QuerySelector("meta[name=robots]")?.GetAttribute("content"));
        var suite = Assert.Single(catalogue.QuerySelectorAll("section.catalogue-suite"));
        Assert.Equal("python-web-frameworks", suite.GetAttribute("data-suite"));
        Assert.Equal(
            ["cold-start", "connections", "memory", "p50", "p99", "round-trips", "rps", "score", "server-cost"],
            suite.QuerySelectorAll(".catalogue-metric code").Select(c => c.TextContent));
        Assert.Contains("bytepulse-2026-03", suite.QuerySelectorAll(".catalogue-runs code").Select(c => c.TextContent));
        Assert.Equal(
            ["environment", "value", "ratio", "percent", "diff", "best", "ranking", "table", "chart", "scaling"],
            suite.QuerySelectorAll(".catalogue-snippet").Select(r => r.GetAttribute("data-kind")!).Distinct()
                .OrderBy(k => k == "environment" ? 0 : 1));

        // The speed section writes {{value fastapi json p99}}: the catalogue's row shows the very same figure.
        var row = Assert.Single(suite.QuerySelectorAll(".catalogue-snippet"),
            r => r.QuerySelector("code.snippet")!.TextContent == "{{value fastapi json p99}}");
        var rendered = row.QuerySelector(".rendered a.figure")!;
        var shown = article.QuerySelectorAll("a.figure").Select(a => (a.TextContent, a.GetAttribute("title")));
        Assert.Contains((rendered.TextContent, rendered.GetAttribute("title")), shown);
        Assert.Equal("{{value fastapi json p99}}", row.QuerySelector("button.copy")!.GetAttribute("data-copy"));
    }

    /// <summary>A Server-Sent Events stream read line by line.</summary>
    private sealed class EventStream : IAsyncDisposable
    {
        private readonly StreamReader _reader;

        private EventStream(HttpResponseMessage response, StreamReader reader)
        {
            Response = response;
            _reader = reader;
        }

        public HttpResponseMessage Response { get; }

        public static async Task<EventStream> OpenAsync(HttpClient client)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/_editor/events");
            request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
            request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
            var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return new EventStream(response, new StreamReader(await response.Content.ReadAsStreamAsync()));
        }

        /// <summary>The next line, or null once the stream has ended; fails if none comes within the limit.</summary>
        public async Task<string?> NextLineAsync(TimeSpan limit)
        {
            using var timeout = new CancellationTokenSource(limit);
            return await _reader.ReadLineAsync(timeout.Token);
        }

        /// <summary>The data of the next <c>version</c> event (heartbeats and other lines skipped).</summary>
        public async Task<string> NextVersionAsync()
        {
            var deadline = Stopwatch.StartNew();
            var inVersion = false;
            while (deadline.Elapsed < TimeSpan.FromSeconds(20))
            {
                var line = await NextLineAsync(TimeSpan.FromSeconds(20)) ?? throw new EndOfStreamException();
                if (line == "event: version")
                {
                    inVersion = true;
                }
                else if (inVersion && line.StartsWith("data: ", StringComparison.Ordinal))
                {
                    return line["data: ".Length..];
                }
            }

            throw new TimeoutException("no version event within 20 seconds");
        }

        public async ValueTask DisposeAsync()
        {
            _reader.Dispose();
            Response.Dispose();
            await Task.CompletedTask;
        }
    }
}
