using ComparisonSite.Results.Store;
using static ComparisonSite.Tests.Runs.HistoryFixtures;

namespace ComparisonSite.Tests.Runs;

/// <summary>
/// <c>/&lt;slug&gt;/runs/&lt;run-id&gt;</c>: a run's permanent page while it is in the store, 410 once removed,
/// 404 with a way on for anything else.
/// </summary>
public sealed class RunPageTests(PostgresFixture postgres) : SiteTestBase(postgres)
{
    private const string Base = "http://localhost:5000";

    [Fact]
    public async Task A_run_page_shows_every_scenario_and_metric_its_environment_downloads_and_citation()
    {
        var seed = TestSnapshots.SeedDocument();
        using var response = await Site.CreateReader().GetAsync($"{Slug}/runs/{Reported}");
        var page = await SiteFactory.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"{seed.Run.Title} (March 31, 2026): benchmark run {Reported} | ComparisonSite", page.Title);
        Assert.Equal($"{Base}{Slug}/runs/{Reported}", page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Empty(page.QuerySelectorAll(".figure-missing, .figure-error"));
        var metrics = seed.Results.Select(r => r.Metric).Distinct().Count();
        Assert.Equal(
            seed.Results.Select(r => r.Framework).Distinct().Count(),
            page.QuerySelectorAll("#tables table.benchmark thead th").Select(th => th.TextContent).Distinct().Count()
                - 1);
        var captions = page.QuerySelectorAll("#tables table.benchmark caption").Select(c => c.TextContent).ToList();
        Assert.Equal(captions.Count, captions.Distinct().Count());
        Assert.Equal(metrics, page.QuerySelectorAll("#charts h3").Length);
        Assert.True(page.QuerySelectorAll("#charts figure.chart").Length >= metrics);
        // Every measurement of the run is in its tables, once.
        Assert.Equal(seed.Results.Count, page.QuerySelectorAll("#tables table.benchmark td data").Length);
        Assert.Contains(
            Reported, page.QuerySelector("#methodology dl.run-environment dd")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($"#downloads a[href='{Slug}/results.csv']"));
        Assert.NotNull(page.QuerySelector($"#downloads a[href='{Slug}/results.json']"));
        Assert.NotNull(page.QuerySelector($"a[href='{Slug}/data']"));

        var url = $"{Base}{Slug}/runs/{Reported}";
        Assert.Equal(
            $"Bytepulse (2026). {seed.Run.Title} [benchmark run {Reported}, March 31, 2026]. ComparisonSite. {url}",
            page.GetElementById("citation-text")!.TextContent);
        Assert.Equal(
            string.Join('\n',
                $"@misc{{{Reported},",
                "  author       = {{Bytepulse}},",
                $"  title        = {{{seed.Run.Title}}},",
                "  year         = {2026},",
                "  date         = {2026-03-31},",
                $"  howpublished = {{Benchmark run {Reported}, ComparisonSite}},",
                $"  url          = {{{url}}},",
                "  note         = {Figures as reported by Bytepulse, carried over by ComparisonSite}",
                "}"),
            page.GetElementById("citation-bibtex")!.TextContent);
        Assert.All(page.QuerySelectorAll("button.copy-button"), b => Assert.True(b.HasAttribute("hidden")));

        var dataset = page.QuerySelectorAll("script[type='application/ld+json']")
            .Select(s => JsonDocument.Parse(s.TextContent).RootElement)
            .Single(d => d.GetProperty("@type").GetString() == "Dataset");
        Assert.Equal(url, dataset.GetProperty("url").GetString());
        Assert.Equal("Bytepulse", dataset.GetProperty("creator").GetProperty("name").GetString());
        Assert.Equal(
            [$"{Base}{Slug}/results.csv", $"{Base}{Slug}/results.json"],
            dataset.GetProperty("distribution").EnumerateArray().Select(d => d.GetProperty("contentUrl").GetString()));
        Assert.False(string.IsNullOrEmpty(dataset.GetProperty("measurementTechnique").GetString()));
        Assert.True(dataset.TryGetProperty("dateModified", out _));
    }

    [Theory]
    [InlineData("no-such-run")]
    [InlineData("-malformed")]
    [InlineData("bad%20id")]
    [InlineData("bytepulse-2026-03.")]
    [InlineData(OtherSuite)]
    public async Task A_run_id_that_names_no_run_of_the_comparison_answers_404_with_a_link_to_the_data_page(string id)
    {
        await ImportAsync(Site, OtherSuite);
        using var response = await Site.CreateReader().GetAsync($"{Slug}/runs/{id}");
        var page = await SiteFactory.ParseAsync(response);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("No such benchmark run", page.QuerySelector("h1")!.TextContent);
        Assert.NotNull(page.QuerySelector($"main a[href='{Slug}/data']"));
        Assert.NotNull(page.QuerySelector("meta[name=robots][content=noindex]"));
    }

    [Fact]
    public async Task A_removed_run_answers_410_leaves_the_data_page_and_sitemap_and_comes_back_when_imported()
    {
        await ImportAsync(Site, September);
        var reader = Site.CreateReader();
        using (var before = await reader.GetAsync($"{Slug}/runs/{September}"))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        var remove = await SiteProcess.RunVerbAsync(Site.Database, "runs", "remove", September);
        Assert.True(remove.ExitCode == 0, remove.ToString());
        Assert.Contains($"Removed run {September} of suite {Suite}", remove.Output, StringComparison.Ordinal);
        var store = Site.Get<ResultsStore>();
        await Eventually.TrueAsync(() => store.Current!.RemovedById.ContainsKey(September));

        using var gone = await reader.GetAsync($"{Slug}/runs/{September}");
        var page = await SiteFactory.ParseAsync(gone);
        Assert.Equal(HttpStatusCode.Gone, gone.StatusCode);
        Assert.Equal("This benchmark run was removed", page.QuerySelector("h1")!.TextContent);
        Assert.NotNull(page.QuerySelector($"main a[href='{Slug}/data']"));
        var data = await SiteFactory.ParseAsync(await reader.GetAsync($"{Slug}/data"));
        Assert.Null(data.GetElementById($"run-{September}"));
        Assert.DoesNotContain(September, await reader.GetStringAsync("/sitemap.xml"), StringComparison.Ordinal);
        using (var csv = await reader.GetAsync($"{Slug}/runs/{September}/results.csv"))
        {
            Assert.Equal(HttpStatusCode.NotFound, csv.StatusCode);
        }

        await ImportAsync(Site, September);
        await Eventually.TrueAsync(() => !store.Current!.RemovedById.ContainsKey(September));
        using var back = await reader.GetAsync($"{Slug}/runs/{September}");
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
    }

    [Fact]
    public async Task Removing_an_unknown_run_fails_with_a_message_and_changes_nothing()
    {
        using (await Site.CreateReader().GetAsync("/"))
        {
        }

        var remove = await SiteProcess.RunVerbAsync(Site.Database, "runs", "remove", "no-such-run");

        Assert.Equal(1, remove.ExitCode);
        Assert.Contains(
            "error: no run 'no-such-run' in the results store; nothing removed.", remove.Error,
            StringComparison.Ordinal);
        var seeded = Directory.EnumerateFiles(SiteRoot.Locate(null).Combine("migrations/seed"), "*.json").Count();
        Assert.Equal(seeded, Site.Get<ResultsStore>().Current!.RunsById.Count);
    }
}
