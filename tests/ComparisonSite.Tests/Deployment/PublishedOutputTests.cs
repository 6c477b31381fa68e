using System.Net.Sockets;
using Npgsql;

namespace ComparisonSite.Tests.Deployment;

/// <summary>
/// What the container image holds, proved without a Docker engine: the Dockerfile's own publish script, its
/// output started from an empty working directory with only the files the image copies and the environment
/// docker compose sets (deploy/site.env, with addresses pointed at this machine), against a real PostgreSQL.
/// </summary>
[LongRunning(seconds: 400)]
public sealed class PublishedOutputTests(PostgresFixture postgres, PublishedOutput published)
    : IClassFixture<PublishedOutput>, IClassFixture<PostgresFixture>
{
    private readonly string _output = published.Folder;
    private readonly string _emptyDirectory = published.EmptyWorkingDirectory;

    private const string Article = "/fastapi-vs-django-vs-flask";

    [Fact]
    public void The_published_output_holds_exactly_what_the_image_needs()
    {
        // Self-contained: the image starts the app host and has no dotnet of its own.
        Assert.True(File.Exists(Path.Combine(_output, "ComparisonSite")));
        Assert.True(
            File.Exists(Path.Combine(_output, "ComparisonSite.r2r.dll")),
            "the composite ReadyToRun image is missing");
        Assert.True(
            File.Exists(Path.Combine(_output, "System.Private.CoreLib.dll")),
            "the runtime is not in the publish");
        Assert.True(File.Exists(Path.Combine(_output, "content", "fastapi-vs-django-vs-flask", "index.md")));
        Assert.True(File.Exists(Path.Combine(_output, "wwwroot", "lib", "chart.js", "dist", "chart.umd.min.js")));
        Assert.True(File.Exists(Path.Combine(_output, "migrations", "0001_results_store.sql")));
        Assert.True(File.Exists(Path.Combine(_output, "migrations", "seed", "bytepulse-2026-03.json")));
        Assert.Empty(Directory.EnumerateFiles(_output, "*.pdb"));
        Assert.Empty(Directory.EnumerateDirectories(_output, "tests"));
    }

    [Fact]
    public async Task Migrate_then_serve_with_the_compose_environment_from_an_empty_working_directory()
    {
        var (environment, port) = await MigratedEnvironmentAsync();

        using var site = Start(environment);
        try
        {
            using var client = await ReadyClientAsync(port);
            var article = await client.GetAsync(Article);
            var page = await SiteFactory.ParseAsync(article);

            Assert.Equal(HttpStatusCode.OK, article.StatusCode);
            Assert.Contains(page.QuerySelectorAll("a.figure"), a => a.TextContent == "about 8,500\u00a0req/s");
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz/live")).StatusCode);
            var stylesheet = page.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href");
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(stylesheet)).StatusCode);
            Assert.Equal(
                0,
                (await RunAsync(environment, "health", "--url", $"http://127.0.0.1:{port}/healthz/ready")).ExitCode);
        }
        finally
        {
            await StopAsync(site);
        }

        Assert.Equal(
            1,
            (await RunAsync(environment, "health", "--url", $"http://127.0.0.1:{port}/healthz/ready")).ExitCode);
    }

    /// <summary>
    /// The publish is trimmed: framework code the trimmer judged unused is gone. Every kind of response and every
    /// verb runs here against that build, so a trimmed-away path fails this test rather than production.
    /// </summary>
    [Fact]
    public async Task Every_route_and_verb_works_in_the_trimmed_build()
    {
        var (environment, port) = await MigratedEnvironmentAsync();
        using var site = Start(environment);
        try
        {
            using var client = await ReadyClientAsync(port);
            var page = await SiteFactory.ParseAsync(await client.GetAsync(Article));
            var jsonScripts = page.QuerySelectorAll(
                "script[type='application/ld+json'], script[type='application/json']");
            foreach (var json in jsonScripts)
            {
                using var parsed = JsonDocument.Parse(json.TextContent);
                Assert.NotEqual(JsonValueKind.Undefined, parsed.RootElement.ValueKind);
            }

            Assert.NotEmpty(page.QuerySelectorAll("script[type='application/ld+json']"));
            Assert.NotEmpty(page.QuerySelectorAll("canvas"));
            await AssertAnswersAsync(client, "/", HttpStatusCode.OK, "text/html");
            await AssertAnswersAsync(client, "/sitemap.xml", HttpStatusCode.OK, "application/xml");
            await AssertAnswersAsync(client, "/feed.xml", HttpStatusCode.OK, "application/atom+xml");
            await AssertAnswersAsync(client, "/robots.txt", HttpStatusCode.OK, "text/plain");
            await AssertAnswersAsync(client, Article + "/results.csv", HttpStatusCode.OK, "text/csv");
            // The pages built on the runs: the data page, a run page and its citation, two runs compared, a gone run.
            await AssertAnswersAsync(client, Article + "/data", HttpStatusCode.OK, "text/html");
            Assert.Contains(
                "@misc{",
                await AssertAnswersAsync(client, Article + "/runs/measured-2026-11-27", HttpStatusCode.OK, "text/html"),
                StringComparison.Ordinal);
            await AssertAnswersAsync(
                client, Article + "/runs/bytepulse-2026-03/vs/measured-2026-11-27", HttpStatusCode.OK, "text/html");
            await AssertAnswersAsync(client, Article + "/runs/no-such-run", HttpStatusCode.NotFound, "text/html");
            using (var results = JsonDocument.Parse(
                await AssertAnswersAsync(client, Article + "/results.json", HttpStatusCode.OK, "application/json")))
            {
                Assert.Equal("bytepulse-2026-03", results.RootElement.GetProperty("run").GetProperty("id").GetString());
            }

            using (var ready = JsonDocument.Parse(
                await AssertAnswersAsync(client, "/healthz/ready", HttpStatusCode.OK, "application/json")))
            {
                Assert.Equal("Healthy", ready.RootElement.GetProperty("status").GetString());
            }

            Assert.Contains(
                "<h1",
                await AssertAnswersAsync(client, "/no-such-comparison", HttpStatusCode.NotFound, "text/html"),
                StringComparison.Ordinal);
            Assert.Equal(
                HttpStatusCode.MethodNotAllowed,
                (await client.PostAsync(Article, new StringContent(""))).StatusCode);
            using (var redirect = await client.GetAsync(Article + "/"))
            {
                Assert.Equal(HttpStatusCode.MovedPermanently, redirect.StatusCode);
            }

            using (var brotli = new HttpRequestMessage(HttpMethod.Get, Article)
            {
                Headers = { { "Accept-Encoding", "br" } },
            })
            {
                using var compressed = await client.SendAsync(brotli);
                Assert.Equal("br", Assert.Single(compressed.Content.Headers.ContentEncoding));
            }

            var runs = await RunAsync(environment, "runs");
            Assert.True(runs.ExitCode == 0, runs.Error);
            Assert.Contains("bytepulse-2026-03", runs.Output, StringComparison.Ordinal);
            var check = await RunAsync(environment, "check");
            Assert.True(check.ExitCode == 0, check.Output + check.Error);

            // An import reaches the running site through LISTEN/NOTIFY: Npgsql's notification path in this build.
            var import = await RunAsync(
                environment, "import", Path.Combine(FixturePaths.Root, "imports", "second-run.json"));
            Assert.True(import.ExitCode == 0, import.Error);
            // The fixture is a measured run: it replaces the article's "ours" figures, downloaded under its own id.
            await Eventually.TrueAsync(async () =>
            {
                using var response = await client.GetAsync(Article + "/runs/rerun-2026-06/results.json");
                return response.IsSuccessStatusCode
                    && JsonDocument.Parse(await response.Content.ReadAsStringAsync())
                        .RootElement.GetProperty("run").GetProperty("id").GetString() == "rerun-2026-06";
            });

            // Removing it reaches the site the same way: its page is then gone (410), not missing.
            var remove = await RunAsync(environment, "runs", "remove", "rerun-2026-06");
            Assert.True(remove.ExitCode == 0, remove.Error);
            await Eventually.TrueAsync(async () =>
            {
                using var gone = await client.GetAsync(Article + "/runs/rerun-2026-06");
                return gone.StatusCode == HttpStatusCode.Gone;
            });
        }
        finally
        {
            await StopAsync(site);
        }
    }

    private static async Task<string> AssertAnswersAsync(
        HttpClient client,
        string path,
        HttpStatusCode status,
        string mediaType)
    {
        using var response = await client.GetAsync(path);
        Assert.True(response.StatusCode == status, $"{path} answered {(int)response.StatusCode}, not {(int)status}");
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>A new database, migrated by the published build, and the compose environment pointed at it.</summary>
    private async Task<(Dictionary<string, string> Environment, int Port)> MigratedEnvironmentAsync()
    {
        var connectionString = new NpgsqlConnectionStringBuilder(await postgres.CreateDatabaseAsync());
        var port = Loopback.FreePort();
        var environment = ComposeEnvironment();
        environment["Site__Root"] = _output;
        environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        var composeConnectionString = environment["ConnectionStrings__Results"];
        environment["ConnectionStrings__Results"] = new NpgsqlConnectionStringBuilder(composeConnectionString)
        {
            Host = connectionString.Host,
            Port = connectionString.Port,
            Database = connectionString.Database,
            Username = connectionString.Username,
        }.ConnectionString;

        var migrate = await RunAsync(environment, "migrate");
        Assert.True(migrate.ExitCode == 0, migrate.Error);
        Assert.Contains("Applied migrations: 0001, 0002, 0003, 0004.", migrate.Output, StringComparison.Ordinal);
        return (environment, port);
    }

    private static async Task<HttpClient> ReadyClientAsync(int port)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{port}"),
        };
        await WaitForAsync(client, "/healthz/ready");
        return client;
    }

    private static async Task StopAsync(Process site)
    {
        site.Kill(entireProcessTree: true);
        await site.WaitForExitAsync();
    }

    /// <summary>The variables docker compose gives the site and migrate containers.</summary>
    private static Dictionary<string, string> ComposeEnvironment() =>
        File.ReadAllLines(SiteRoot.Locate(null).Combine("deploy/site.env"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('=', 2))
            .ToDictionary(p => p[0], p => p[1]);

    private ProcessStartInfo StartInfo(
        Dictionary<string, string> environment, string[] arguments, bool captureOutput = true)
    {
        // Only the compose environment: nothing inherited from the test run can make it work by accident.
        var inherited = Environment.GetEnvironmentVariables().Keys.Cast<string>()
            .Where(k => k.StartsWith("ConnectionStrings", StringComparison.Ordinal)
                || k.StartsWith("Site__", StringComparison.Ordinal)
                || k.StartsWith("ASPNETCORE", StringComparison.Ordinal));
        return ToolProcess.StartInfo(
            Path.Combine(_output, "ComparisonSite"), arguments, environment, _emptyDirectory, inherited, captureOutput);
    }

    private Task<ProcessResult> RunAsync(Dictionary<string, string> environment, params string[] arguments) =>
        ToolProcess.RunAsync(StartInfo(environment, arguments));

    private Process Start(Dictionary<string, string> environment) =>
        ToolProcess.Start(StartInfo(environment, [], captureOutput: false));

    private static async Task WaitForAsync(HttpClient client, string path)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                if ((await client.GetAsync(path)).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(60), $"{path} did not answer 200 within 60 s");
            await Task.Delay(100);
        }
    }
}

/// <summary>One run of scripts/publish for the whole class: the Dockerfile's publish step.</summary>
public sealed class PublishedOutput : IAsyncLifetime
{
    public string Folder { get; } =
        Path.Combine(Path.GetTempPath(), "comparisonsite-publish-" + Guid.NewGuid().ToString("N")[..8]);

    public string EmptyWorkingDirectory { get; } = Directory.CreateTempSubdirectory("comparisonsite-cwd-").FullName;

    public async Task InitializeAsync()
    {
        var (exitCode, output, error) = await ToolProcess.RunAsync(
            "bash", [SiteRoot.Locate(null).Combine("scripts/publish"), Folder], timeout: TimeSpan.FromSeconds(600));
        Assert.True(exitCode == 0, $"scripts/publish failed:\n{output}\n{error}");
    }

    public Task DisposeAsync()
    {
        Directory.Delete(Folder, recursive: true);
        Directory.Delete(EmptyWorkingDirectory, recursive: true);
        return Task.CompletedTask;
    }
}
