using System.Text.Json;
using AngleSharp.Dom;
using static ComparisonSite.Tests.Runs.HistoryFixtures;

namespace ComparisonSite.Tests.Runs;

/// <summary>
/// Issue 29 on a real site: a measured run's page says what each framework ran ("Versions and configuration",
/// each note beside its row), draws throughput against concurrency for a scenario family (server-drawn SVG, a table
/// that needs no script, the Chart.js data), and names the server the run served Django's ASGI app with, not the
/// shared catalog's Daphne.
/// </summary>
public sealed class RunSetupPageTests(PostgresFixture postgres) : SiteTestBase(postgres)
{
    private const string Levels = "measured-2026-12-01";

    [Fact]
    public async Task The_run_page_shows_each_frameworks_setup_with_its_note()
    {
        await ImportAsync(Site, Levels);

        var page = await SiteFactory.ParseAsync(await Site.CreateReader().GetAsync($"{Slug}/runs/{Levels}"));

        var table = page.QuerySelector("#methodology table.run-setup")!;
        Assert.Equal(
            [
                "Framework", "Software", "Server", "Workers", "Worker class", "Database connections", "Keep-alive",
                "Helper processes", "Note",
            ],
            table.QuerySelectorAll("thead th").Select(th => th.TextContent));
        var rows = table.QuerySelectorAll("tbody tr").ToDictionary(r => r.GetAttribute("data-framework")!);
        Assert.Equal(["fastapi", "flask", "django", "django-asgi"], rows.Keys);
        Assert.Equal("Uvicorn 0.17.6 (uvloop, httptools)", Cell(rows["django-asgi"], 2));
        Assert.Equal("2", Cell(rows["django-asgi"], 3));
        Assert.StartsWith(
            "The catalog's Daphne is the source's server", Cell(rows["django-asgi"], 8), StringComparison.Ordinal);
        Assert.Equal("Older than the source's \"latest stable as of March 2026\".", Cell(rows["fastapi"], 8));
        Assert.Equal("–", Cell(rows["flask"], 8));
        Assert.DoesNotContain("Daphne (ASGI)", table.TextContent, StringComparison.Ordinal);
        // A run without a setup shows no such table.
        var reported = await SiteFactory.ParseAsync(
            await Site.CreateReader().GetAsync($"{Slug}/runs/{Reported}"));
        Assert.Null(reported.QuerySelector("table.run-setup"));
    }

    [Fact]
    public async Task The_methodology_and_the_download_say_what_the_measured_run_served_django_asgi_with()
    {
        await ImportAsync(Site, Levels);
        var reader = Site.CreateReader();

        // The comparison's {{environment origin=measured}} reads the latest measured run, the seeded one, which
        // served Django's ASGI app with Uvicorn too.
        var article = await SiteFactory.ParseAsync(await reader.GetAsync(Slug));
        var setup = article.QuerySelector("#methodology table.run-setup tr[data-framework='django-asgi']")!;
        Assert.Equal(
            TestSnapshots.MeasuredSeedDocument().Run.Setup.Single(s => s.Framework == "django-asgi").Server,
            Cell(setup, 2));
        Assert.StartsWith("Uvicorn ", Cell(setup, 2), StringComparison.Ordinal);

        using var json = JsonDocument.Parse(await reader.GetStringAsync($"{Slug}/runs/{Levels}/results.json"));
        var run = json.RootElement.GetProperty("run");
        Assert.Equal(4, run.GetProperty("setup").GetArrayLength());
        Assert.Equal("django-asgi", run.GetProperty("setup")[3].GetProperty("framework").GetString());
        Assert.Equal(2, run.GetProperty("setup")[3].GetProperty("workers").GetInt32());
        var asgi = json.RootElement.GetProperty("frameworks").EnumerateArray()
            .Single(f => f.GetProperty("slug").GetString() == "django-asgi");
        Assert.Equal("Uvicorn 0.17.6 (uvloop, httptools)", asgi.GetProperty("server").GetString());
        var level = json.RootElement.GetProperty("scenarios").EnumerateArray()
            .Single(s => s.GetProperty("slug").GetString() == "single-query-c256");
        Assert.Equal("single-query", level.GetProperty("family").GetString());
        Assert.Equal(256, level.GetProperty("concurrency").GetInt32());

        // The reported run keeps the catalog's words: Daphne is what the source ran.
        using var source = JsonDocument.Parse(await reader.GetStringAsync($"{Slug}/runs/{Reported}/results.json"));
        Assert.Equal(JsonValueKind.Null, source.RootElement.GetProperty("run").GetProperty("setup").ValueKind);
        Assert.Equal(
            "Daphne (ASGI)",
            source.RootElement.GetProperty("frameworks").EnumerateArray()
                .Single(f => f.GetProperty("slug").GetString() == "django-asgi").GetProperty("server").GetString());
    }

    [Fact]
    public async Task The_run_page_draws_throughput_against_concurrency_as_svg_a_table_and_chart_data()
    {
        await ImportAsync(Site, Levels);

        var page = await SiteFactory.ParseAsync(await Site.CreateReader().GetAsync($"{Slug}/runs/{Levels}"));

        Assert.Empty(page.QuerySelectorAll(".figure-missing, .figure-error"));
        Assert.NotNull(page.QuerySelector("nav.toc a[href='#scaling']"));
        var figure = Assert.Single(page.QuerySelectorAll("#scaling figure.chart.scaling"));
        Assert.Equal("Requests per second, single-query", page.QuerySelector("#scaling h3")!.TextContent);
        Assert.NotNull(figure.QuerySelector(".chart-box svg"));
        Assert.NotEmpty(figure.QuerySelectorAll(".chart-box svg .line"));
        Assert.NotNull(figure.QuerySelector(".chart-canvas[hidden] canvas"));

        var table = figure.QuerySelector("table.scaling-table")!;
        Assert.Equal(
            ["Framework", "16 connections (req/s)", "64 connections (req/s)", "256 connections (req/s)"],
            table.QuerySelectorAll("thead th").Select(th => th.TextContent));
        var fastapi = table.QuerySelector("tr[data-framework='fastapi']")!;
        Assert.Equal(
            ["4000", "5000", "4750"],
            fastapi.QuerySelectorAll("td data").Select(d => d.GetAttribute("value")));

        var id = figure.GetAttribute("data-chart")!;
        using var data = JsonDocument.Parse(page.GetElementById(id)!.TextContent);
        Assert.Equal("line", data.RootElement.GetProperty("type").GetString());
        Assert.Equal(
            ["16 connections", "64 connections", "256 connections"],
            data.RootElement.GetProperty("labels").EnumerateArray().Select(l => l.GetString()));
        var series = data.RootElement.GetProperty("series").EnumerateArray().ToList();
        Assert.Equal(4, series.Count);
        Assert.Equal(
            [1600, 2000, 1900],
            series.Single(s => s.GetProperty("framework").GetString() == "django").GetProperty("values")
                .EnumerateArray().Select(v => v.GetDouble()));

        // A run whose scenarios have no family draws none.
        var reported = await SiteFactory.ParseAsync(
            await Site.CreateReader().GetAsync($"{Slug}/runs/{Reported}"));
        Assert.Null(reported.QuerySelector("#scaling"));
    }

    private static string Cell(IElement row, int column) => row.Children[column].TextContent;
}
