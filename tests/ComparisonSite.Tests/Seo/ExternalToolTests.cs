using Xunit.Abstractions;

namespace ComparisonSite.Tests.Seo;

/// <summary>The real tools search engines point to, run against the real site on loopback.</summary>
[LongRunning(seconds: 100)]
public sealed class ExternalToolTests(PostgresFixture postgres, ITestOutputHelper output)
    : IAsyncLifetime, IClassFixture<PostgresFixture>
{
    private static readonly string[] Categories = ["seo", "accessibility", "best-practices"];
    private SiteServer _site = null!;
    private SiteServer _fixtures = null!;

    public async Task InitializeAsync()
    {
        _site = await SiteServer.StartAsync(await postgres.CreateDatabaseAsync());
        _fixtures = await SiteServer.StartAsync(
            await postgres.CreateDatabaseAsync(),
            new Dictionary<string, string> { ["Content__Path"] = FixturePaths.SecondSiteContent });
    }

    public async Task DisposeAsync()
    {
        await _site.DisposeAsync();
        await _fixtures.DisposeAsync();
    }

    [Fact]
    public async Task Every_page_passes_the_nu_html_checker_with_no_errors()
    {
        var pages = new[]
        {
            _site.BaseUrl + "/", _site.BaseUrl + "/fastapi-vs-django-vs-flask", _site.BaseUrl + "/no-such-page",
            _site.BaseUrl + "/tags", _site.BaseUrl + "/tags/python",
            _fixtures.BaseUrl + "/", _fixtures.BaseUrl + "/postgresql-vs-sqlite",
            _fixtures.BaseUrl + "/tricky-characters", _fixtures.BaseUrl + "/withdrawn-comparison",
            _site.BaseUrl + "/search?q=fastapi", _fixtures.BaseUrl + "/search?q=script",
            _fixtures.BaseUrl + "/search?q=nothing", _fixtures.BaseUrl + "/search?q=a%00b",
        };
        var folder = Directory.CreateTempSubdirectory("comparisonsite-vnu-");
        using var client = new HttpClient();
        var files = new List<string>();
        foreach (var (url, index) in pages.Select((u, i) => (u, i)))
        {
            var file = Path.Combine(folder.FullName, $"page-{index}.html");
            await File.WriteAllBytesAsync(file, await (await client.GetAsync(url)).Content.ReadAsByteArrayAsync());
            files.Add(file);
        }

        var (exitCode, _, report) = await ToolProcess.RunAsync(
            "java", ["-jar", TestTools.Module("vnu-jar/build/dist/vnu.jar"), "--format", "json", .. files]);

        using var json = JsonDocument.Parse(report);
        var errors = json.RootElement.GetProperty("messages").EnumerateArray()
            .Where(m => m.GetProperty("type").GetString() == "error")
            .Select(m =>
            {
                var page = pages[files.IndexOf(new Uri(m.GetProperty("url").GetString()!).LocalPath)];
                return $"{page}: {m.GetProperty("message").GetString()}";
            })
            .ToList();
        output.WriteLine($"Nu HTML Checker: {pages.Length} pages, {errors.Count} errors");
        Assert.Empty(errors);
        Assert.Equal(0, exitCode);
        folder.Delete(recursive: true);
    }

    [Fact]
    public async Task Lighthouse_scores_the_article_100_for_seo_accessibility_and_best_practices()
    {
        var report = Path.Combine(Path.GetTempPath(), $"comparisonsite-lighthouse-{Guid.NewGuid():N}.json");
        var (exitCode, _, error) = await ToolProcess.RunAsync("node",
        [
            TestTools.Module("lighthouse/cli/index.js"), _site.BaseUrl + "/fastapi-vs-django-vs-flask",
            "--quiet", "--output=json", $"--output-path={report}",
            "--only-categories=seo,accessibility,best-practices",
            $"--chrome-flags={TestTools.ChromiumFlags}",
        ], new Dictionary<string, string> { ["CHROME_PATH"] = TestTools.Chromium });
        Assert.True(exitCode == 0, $"lighthouse failed: {error}");

        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(report));
        var categories = json.RootElement.GetProperty("categories");
        var scores = Categories.ToDictionary(c => c, c => categories.GetProperty(c).GetProperty("score").GetDouble());
        var failing = json.RootElement.GetProperty("audits").EnumerateObject()
            .Where(a => a.Value.TryGetProperty("score", out var s)
                && s.ValueKind == JsonValueKind.Number
                && s.GetDouble() < 1
                && a.Value.GetProperty("scoreDisplayMode").GetString() is "binary" or "numeric")
            .Select(a => a.Name).ToList();
        var scoreList = string.Join(", ", scores.Select(s => $"{s.Key} {s.Value * 100:0}"));
        var failingList = string.Join(", ", failing);
        output.WriteLine($"Lighthouse: {scoreList}; failing audits: {failingList}");
        Assert.All(
            scores,
            s => Assert.True(s.Value == 1, $"{s.Key} scored {s.Value * 100:0}; failing audits: {failingList}"));
        File.Delete(report);
    }
}
