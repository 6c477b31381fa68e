using AngleSharp.Dom;
using static ComparisonSite.Tests.Runs.HistoryFixtures;

namespace ComparisonSite.Tests.Runs;

/// <summary>
/// <c>/&lt;slug&gt;/data</c>: every run of the article's suite, newest first, with origin, links, differences and,
/// from two comparable runs on, trends.
/// </summary>
public sealed class DataPageTests(PostgresFixture postgres) : SiteTestBase(postgres)
{
    [Fact]
    public async Task A_fresh_site_lists_the_seeded_runs_newest_first_with_a_trend_for_what_both_measured_runs_share()
    {
        using var response = await Site.CreateReader().GetAsync($"{Slug}/data");
        var page = await SiteFactory.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([Measured, Earlier, Reported], RunIds(page));
        Assert.Equal(
            ["measured", "measured", "reported"],
            page.QuerySelectorAll(".run-entry h3 .origin").Select(e => e.TextContent));
        Assert.Equal(
            $"http://localhost:5000{Slug}/data", page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.StartsWith("Benchmark runs behind ", page.Title, StringComparison.Ordinal);
        var reported = page.GetElementById($"run-{Reported}")!;
        Assert.NotNull(reported.QuerySelector($"h3 a[href='{Slug}/runs/{Reported}']"));
        Assert.NotNull(reported.QuerySelector($"a[href='{Slug}/results.csv']"));
        Assert.Equal("First reported run", Fact(reported, "Changes"));
        Assert.Equal("Bytepulse", Fact(reported, "Source"));
        var count = TestSnapshots.SeedDocument().Results.Count;
        Assert.Equal(count.ToString(CultureInfo.InvariantCulture), Fact(reported, "Measurements"));
        var measured = page.GetElementById($"run-{Measured}")!;
        Assert.NotNull(measured.QuerySelector($"a[href='{Slug}/runs/{Measured}/results.json']"));
        Assert.Contains("2 cores", Fact(measured, "Environment"), StringComparison.Ordinal);
        Assert.Equal(
            $"{Slug}/runs/{Earlier}/vs/{Measured}", measured.QuerySelector("a.run-difference")!.GetAttribute("href"));

        // A trend for each scenario and metric both measured runs have; the reported run stands alone.
        var trends = page.QuerySelectorAll("figure.trend");
        Assert.Equal(SeedTrends, trends.Length);
        Assert.All(trends, t => Assert.Contains(
            "measured runs of python-web-frameworks", t.QuerySelector("figcaption")!.TextContent,
            StringComparison.Ordinal));
    }

    [Fact]
    public async Task Earlier_measured_runs_add_differences_and_a_trend_per_metric_with_two_or_more_runs()
    {
        await ImportAsync(Site, September, October);
        var reader = Site.CreateReader();
        var page = await SiteFactory.ParseAsync(await reader.GetAsync($"{Slug}/data"));

        Assert.Equal([Measured, Earlier, October, September, Reported], RunIds(page));
        Assert.Equal(
            $"{Slug}/runs/{October}/vs/{Earlier}",
            page.GetElementById($"run-{Earlier}")!.QuerySelector("a.run-difference")!.GetAttribute("href"));
        Assert.Equal(
            $"{Slug}/runs/{September}/vs/{October}",
            page.GetElementById($"run-{October}")!.QuerySelector("a.run-difference")!.GetAttribute("href"));
        Assert.Equal("First measured run", Fact(page.GetElementById($"run-{September}")!, "Changes"));

        // json:rps and db:rps were measured by all four; p99 and the rest by the two seeded runs: the same trends
        // as on a fresh site, two of them longer.
        var trends = page.QuerySelectorAll("figure.trend");
        var captions = trends.Select(t => t.QuerySelector("figcaption")!.TextContent).ToList();
        Assert.Equal(SeedTrends, trends.Length);
        Assert.Contains(captions, c => c.StartsWith("Requests per second, JSON endpoint", StringComparison.Ordinal));
        Assert.All(captions, c =>
            Assert.Contains("measured runs of python-web-frameworks", c, StringComparison.Ordinal));
        var json = trends.Single(t => t.QuerySelector("figcaption")!.TextContent.StartsWith(
            "Requests per second, JSON endpoint", StringComparison.Ordinal));
        var data = JsonDocument.Parse(json.QuerySelector("script[type='application/json']")!.TextContent).RootElement;
        Assert.Equal("line", data.GetProperty("type").GetString());
        Assert.Equal(
            ["2026-09-01", "2026-10-01", "2026-11-27", "2026-12-07"], data.GetProperty("labels").EnumerateArray()
            .Select(l => l.GetString()));
        var fastapi = data.GetProperty("series").EnumerateArray()
            .Single(s => s.GetProperty("framework").GetString() == "fastapi");
        Assert.Equal(1400, fastapi.GetProperty("values")[0].GetDouble());
        Assert.Equal(1450, fastapi.GetProperty("values")[1].GetDouble());
        var rows = json.QuerySelectorAll("table.trend-table tbody tr");
        Assert.Equal(4, rows.Length);
        Assert.Equal($"{Slug}/runs/{September}", rows[0].QuerySelector("th a")!.GetAttribute("href"));
        Assert.Equal("1,400", rows[0].QuerySelectorAll("td")[0].TextContent);
        Assert.NotEmpty(page.QuerySelectorAll("script[src*='/js/chart-loader.js'][data-charts*='/js/charts.js']"));
        Assert.Empty(page.QuerySelectorAll("script[src*='chart.umd']"));
        // The trend is drawn on the server too: a point per value, its tooltip as the table writes it.
        var svg = json.QuerySelector("svg.chart-svg[role=img]")!;
        var points = svg.QuerySelectorAll("circle.point[data-framework=fastapi] > title").Select(t => t.TextContent);
        Assert.Contains("FastAPI, 2026-09-01: 1,400\u00a0req/s", points);
        Assert.Equal(
            rows.SelectMany(r => r.QuerySelectorAll("td data")).Count(),
            svg.QuerySelectorAll("circle.point").Length);

        // An older run, cited by no figure, still downloads under the comparison.
        var csv = await reader.GetStringAsync($"{Slug}/runs/{September}/results.csv");
        Assert.Contains($"{September},", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_cached_data_page_changes_when_a_run_of_the_suite_is_imported_or_removed()
    {
        var reader = Site.CreateReader();
        Assert.Equal(
            [Measured, Earlier, Reported], RunIds(await SiteFactory.ParseAsync(await reader.GetAsync($"{Slug}/data"))));
        using (var cached = await reader.GetAsync($"{Slug}/data"))
        {
            Assert.Equal(HttpStatusCode.OK, cached.StatusCode);
        }

        await ImportAsync(Site, September);
        Assert.Equal(
            [Measured, Earlier, September, Reported],
            RunIds(await SiteFactory.ParseAsync(await reader.GetAsync($"{Slug}/data"))));

        var remove = await SiteProcess.RunVerbAsync(Site.Database, "runs", "remove", September);
        Assert.True(remove.ExitCode == 0, remove.Error);
        var store = Site.Get<ComparisonSite.Results.Store.ResultsStore>();
        await Eventually.TrueAsync(() => !store.Current!.RunsById.ContainsKey(September));
        Assert.Equal(
            [Measured, Earlier, Reported], RunIds(await SiteFactory.ParseAsync(await reader.GetAsync($"{Slug}/data"))));
    }

    [Fact]
    public async Task Every_figure_and_the_methodology_link_the_data_page()
    {
        var page = await SiteFactory.ParseAsync(await Site.CreateReader().GetAsync(Slug));

        var figures = page.QuerySelectorAll(".figure-downloads");
        Assert.NotEmpty(figures);
        Assert.All(figures, f => Assert.NotNull(f.QuerySelector($"a[href='{Slug}/data']")));
        Assert.NotNull(page.QuerySelector($"#methodology dl.run-environment a[href='{Slug}/data']"));
        Assert.NotNull(page.QuerySelector($"#methodology dl.run-environment a[href='{Slug}/runs/{Reported}']"));
    }

    [Fact]
    public async Task The_sitemap_lists_the_data_page_and_every_run_page_with_lastmod()
    {
        await ImportAsync(Site, September);
        var xml = System.Xml.Linq.XDocument.Parse(await Site.CreateReader().GetStringAsync("/sitemap.xml"));
        System.Xml.Linq.XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var entries = xml.Descendants(ns + "url").ToDictionary(
            u => u.Element(ns + "loc")!.Value, u => u.Element(ns + "lastmod")?.Value);

        var runs = new[] { Measured, Reported, September }
            .Select(id => $"http://localhost:5000{Slug}/runs/{id}");
        foreach (var address in runs.Prepend($"http://localhost:5000{Slug}/data"))
        {
            Assert.True(entries.TryGetValue(address, out var lastmod), address);
            Assert.NotNull(lastmod);
        }

        Assert.Equal("2026-03-31T00:00:00Z", entries[$"http://localhost:5000{Slug}/runs/{Reported}"]);
    }

    private static List<string> RunIds(IDocument page) =>
        [.. page.QuerySelectorAll(".run-entry").Select(e => e.Id!["run-".Length..])];

    /// <summary>The text of one fact (a dt/dd pair) of a run's entry.</summary>
    private static string Fact(IElement entry, string term) =>
        entry.QuerySelectorAll("dl.run-facts dt").Single(dt => dt.TextContent == term)
            .NextElementSibling!.TextContent.Trim();
}
