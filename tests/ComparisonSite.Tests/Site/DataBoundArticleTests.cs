using ComparisonSite.Results.Import;
using ComparisonSite.Results.Store;

namespace ComparisonSite.Tests.Site;

/// <summary>
/// The heart of the product: a new run, imported by another process into the real store, changes every
/// sentence, table, chart and download that cites it, with no restart and nothing of the old run left. The
/// article's front matter says <c>origin: reported</c>, so its unqualified references read the source's run.
/// </summary>
public sealed class DataBoundArticleTests(PostgresFixture postgres) : SiteTestBase(postgres)
{
    private const string Slug = "/fastapi-vs-django-vs-flask";

    [Fact]
    public async Task A_new_reported_run_replaces_every_figure_in_prose_tables_charts_and_downloads()
    {
        var reader = Site.CreateReader();
        var before = await SiteFactory.ParseAsync(await reader.GetAsync(Slug));
        Assert.Contains(before.QuerySelectorAll("#speed a.figure"), a => a.TextContent == "about 8,500\u00a0req/s");

        var file = await WriteRerunAsync();
        var import = await SiteProcess.RunVerbAsync(Site.Database, "import", file);
        Assert.Equal(0, import.ExitCode);
        var store = Site.Get<ResultsStore>();
        // Waits for the notification and reload, not a speed target: on a machine busy with the whole suite a
        // reload can wait its turn for seconds.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (store.Current!.RunFor("python-web-frameworks", new(Origin: RunOrigin.Reported))!.Run.Id
            != "rerun-full-2026-10")
        {
            Assert.True(DateTime.UtcNow < deadline, "the site did not pick up the import");
            await Task.Delay(50);
        }

        var after = await SiteFactory.ParseAsync(await reader.GetAsync(Slug));
        var prose = after.QuerySelectorAll("#speed p a.figure").Select(a => a.TextContent).ToList();
        Assert.Contains("about 9,400\u00a0req/s", prose);
        Assert.Contains("6.6x faster", prose);
        var table = after.QuerySelector("#speed table.benchmark")!;
        Assert.Equal("9,372", table.QuerySelector("tbody tr td data")!.TextContent);
        Assert.Contains(
            "Re-run with changed figures",
            table.QuerySelector("caption")!.TextContent,
            StringComparison.Ordinal);
        using (var chart = JsonDocument.Parse(
            after.QuerySelector("#speed script[type='application/json']")!.TextContent))
        {
            Assert.Equal(
                [9372.0, 4620.0],
                chart.RootElement
                    .GetProperty("series")[0]
                    .GetProperty("values")
                    .EnumerateArray()
                    .Select(v => v.GetDouble()));
        }

        Assert.Equal(
            "Bytepulse: figures as reported by the source, not our own measurements",
            after.QuerySelectorAll("#methodology dl.run-environment dd")[1].TextContent);
        var text = after.Body!.TextContent;
        foreach (var old in new[] { "8,520", "about 8,500", "1,090", "2,190", "7.8x", "Bytepulse 30-day" })
        {
            Assert.DoesNotContain(old, text, StringComparison.Ordinal);
        }

        var csv = await reader.GetStringAsync(Slug + "/results.csv");
        Assert.Contains("rerun-full-2026-10,", csv, StringComparison.Ordinal);
        Assert.Contains(",9372,", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(",8520,", csv, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(await reader.GetStringAsync(Slug + "/results.json"));
        Assert.Equal("rerun-full-2026-10", json.RootElement.GetProperty("run").GetProperty("id").GetString());
        Assert.Contains(
            json.RootElement.GetProperty("measurements").EnumerateArray(),
            m => m.GetProperty("value").GetDouble() == 9372);
    }

    [Fact]
    public async Task Downloads_carry_the_run_its_environment_and_every_measurement()
    {
        var reader = Site.CreateReader();

        using var csvResponse = await reader.GetAsync(Slug + "/results.csv");
        var csv = (await csvResponse.Content.ReadAsStringAsync()).TrimEnd().Split('\n');
        using var json = JsonDocument.Parse(await reader.GetStringAsync(Slug + "/results.json"));
        using var missing = await reader.GetAsync("/no-such-comparison/results.csv");

        Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType!.MediaType);
        Assert.Equal(
            "run_id,run_title,run_date,source,origin,framework,framework_name,scenario,scenario_name,"
                + "metric,metric_name,unit,better,kind,value,samples",
            csv[0].TrimEnd('\r'));
        Assert.Equal(22, csv.Length);
        Assert.Contains(csv, line => line.StartsWith(
            "bytepulse-2026-03,Bytepulse 30-day production benchmark,2026-03-31,Bytepulse,reported,"
                + "fastapi,FastAPI,json,JSON endpoint,rps,Requests per second,req/s,higher,measurement,8520,",
            StringComparison.Ordinal));
        var run = json.RootElement.GetProperty("run");
        Assert.Equal(
            "Dedicated bare-metal server, 8-core AMD EPYC",
            run.GetProperty("environment").GetProperty("hardware").GetString());
        Assert.Equal("reported", run.GetProperty("origin").GetString());
        Assert.Equal(21, json.RootElement.GetProperty("measurements").GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    private static async Task<string> WriteRerunAsync()
    {
        var factors = new Dictionary<string, double>
        {
            ["fastapi"] = 1.1,
            ["django"] = 1.3,
            ["flask"] = 0.9,
            ["django-asgi"] = 1.2,
        };
        var seed = TestSnapshots.SeedDocument();
        var results = seed.Results.Select(r => new
        {
            framework = r.Framework,
            scenario = r.Scenario,
            metric = r.Metric,
            value = Math.Round(r.Value * factors[r.Framework], 2),
        });
        var document = new
        {
            suite = seed.Suite,
            run = new
            {
                id = "rerun-full-2026-10",
                title = "Re-run with changed figures",
                date = "2026-10-01",
                source = "Bytepulse",
                origin = "reported",
            },
            results,
        };
        var path = Path.Combine(Path.GetTempPath(), "comparisonsite-tests", $"rerun-{Guid.NewGuid():N}.json");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(document));
        return path;
    }
}
