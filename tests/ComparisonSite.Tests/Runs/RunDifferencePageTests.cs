using System.Xml.Linq;
using AngleSharp.Dom;
using ComparisonSite.Caching;

namespace ComparisonSite.Tests.Runs;

/// <summary>
/// /&lt;slug&gt;/runs/&lt;a&gt;/vs/&lt;b&gt; over a fixture suite of three runs (tests/…/Fixtures/runs-diff/): a
/// source's reported run and two measured rounds. Round one has Bottle, a database scenario and samples that
/// round two's overlap, touch or clear; round two adds Django (ASGI), an idle scenario and a memory metric.
/// </summary>
public sealed class RunDifferencePageTests(PostgresFixture postgres)
    : SiteTestBase(postgres, Path.Combine(FixturePaths.Root, "runs-diff", "content"))
{
    private const string Slug = "/framework-rounds";
    private const string Forward = Slug + "/runs/round-1/vs/round-2";

    [Fact]
    public async Task Each_framework_shows_both_values_the_change_with_its_direction_word_and_the_noise_verdict()
    {
        var page = await PageAsync(Forward);

        var rps = Rows(page, "json", "rps");
        Assert.Equal(["FastAPI", "Django", "Flask", "Django (ASGI)", "Bottle"], rps.Keys);
        Assert.Equal(
            ["2,100\u00a0req/s (2,000–2,200)", "2,800\u00a0req/s (2,700–2,900)", "33% faster", "clear difference"],
            Cells(rps["Django"]));
        Assert.Equal("change change-better", rps["Django"].QuerySelector("td.change")!.ClassName);
        // Two runs are not paired: with 3 samples each the ratio's interval runs from the smallest over the largest
        // to the largest over the smallest (BootstrapTests), so Flask's touching ranges put an end at exactly 1.
        Assert.Equal(
            ["2,600\u00a0req/s (2,500–2,700)", "2,400\u00a0req/s (2,300–2,500)", "8% slower", "no clear difference"],
            Cells(rps["Flask"]));
        Assert.Equal("change change-worse", rps["Flask"].QuerySelector("td.change")!.ClassName);
        Assert.Equal(
            ["9,100\u00a0req/s (9,000–9,200)", "9,300\u00a0req/s (9,150–9,400)", "2% faster", "no clear difference"],
            Cells(rps["FastAPI"]));
        Assert.Equal(
            ["—", "1,500\u00a0req/s (1,400–1,600)", "new in the later run", "—"],
            Cells(rps["Django (ASGI)"]));
        Assert.Equal(["1,050\u00a0req/s (1,000–1,100)", "—", "not in the later run", "—"], Cells(rps["Bottle"]));

        // Lower is better for latency: a drop is better, and the metric's own words say which way it went.
        var p99 = Rows(page, "json", "p99");
        Assert.Equal(["60\u00a0ms", "45\u00a0ms", "25% lower", "too few samples to compare"], Cells(p99["Django"]));
        Assert.Equal("change change-better", p99["Django"].QuerySelector("td.change")!.ClassName);
        Assert.Equal(["50\u00a0ms", "55\u00a0ms", "10% higher", "too few samples to compare"], Cells(p99["Flask"]));
        // One side has samples, the other a single value: nothing to compare the change with.
        Assert.Equal(
            ["20\u00a0ms", "20\u00a0ms (19–21)", "unchanged", "too few samples to compare"],
            Cells(p99["FastAPI"]));
    }

    [Fact]
    public async Task The_reverse_pair_reads_the_same_figures_the_other_way()
    {
        var page = await PageAsync(Slug + "/runs/round-2/vs/round-1");

        var rps = Rows(page, "json", "rps");
        Assert.Equal(["FastAPI", "Flask", "Django", "Bottle", "Django (ASGI)"], rps.Keys);
        Assert.Equal(
            ["2,800\u00a0req/s (2,700–2,900)", "2,100\u00a0req/s (2,000–2,200)", "25% slower", "clear difference"],
            Cells(rps["Django"]));
        Assert.Equal("change change-worse", rps["Django"].QuerySelector("td.change")!.ClassName);
        Assert.Equal("New in the later run: Bottle.", page.QuerySelector("#frameworks-added")!.TextContent);
        Assert.Equal(
            "Missing from the later run: Django (ASGI).",
            page.QuerySelector("#frameworks-missing")!.TextContent);
    }

    [Fact]
    public async Task Frameworks_scenarios_and_metrics_that_only_one_run_has_are_listed()
    {
        var page = await PageAsync(Forward);

        Assert.Equal("New in the later run: Django (ASGI).", page.QuerySelector("#frameworks-added")!.TextContent);
        Assert.Equal("Missing from the later run: Bottle.", page.QuerySelector("#frameworks-missing")!.TextContent);
        Assert.Equal(
            ["Scenarios only in the earlier run: Database-backed endpoint."],
            page.QuerySelectorAll("#what-changed li.only-earlier").Select(li => li.TextContent));
        Assert.Equal(
            ["Scenarios only in the later run: Idle process.", "Metrics only in the later run: Memory at baseline."],
            page.QuerySelectorAll("#what-changed li.only-later").Select(li => li.TextContent));
        Assert.Equal("Only the earlier run measures this.", Ranking(page, "db", "rps"));
        Assert.Equal("Only the later run measures this.", Ranking(page, "idle", "memory"));
        Assert.Equal(
            ["3,000\u00a0req/s", "—", "not in the later run", "—"],
            Cells(Rows(page, "db", "rps")["FastAPI"]));
    }

    [Fact]
    public async Task The_ranking_change_is_said_in_words_per_scenario_and_metric()
    {
        var page = await PageAsync(Forward);

        const string Expected = "FastAPI stays first; Django and Flask swap places; Django (ASGI) is new, in fourth "
            + "place; Bottle is not in the later run (it was fourth).";
        Assert.Equal(Expected, Ranking(page, "json", "rps"));
        Assert.Equal(Expected, Ranking(page, "json", "p99"));
    }

    [Fact]
    public async Task The_page_is_a_real_cached_page_with_its_own_title_description_and_canonical_address()
    {
        var reader = await ReaderAsync();

        using var response = await reader.GetAsync(Forward);
        var page = await SiteFactory.ParseAsync(response);
        var cached = Site.Get<PageCache>().Count;
        using var again = await reader.GetAsync(Forward);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(
            "Run round-1 vs run round-2: Framework rounds | ComparisonSite",
            page.Title);
        Assert.Equal(
            "http://localhost:5000/framework-rounds/runs/round-1/vs/round-2",
            page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.StartsWith(
            "What changed in the benchmark figures of “Framework rounds” from Round one (January 10, 2026) to "
                + "Round two",
            page.QuerySelector("meta[name=description]")!.GetAttribute("content"),
            StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("meta[name=robots]"));
        Assert.NotNull(response.Content.Headers.LastModified);
        Assert.Contains(page.QuerySelectorAll("a"), a => a.GetAttribute("href") == Slug + "/data");
        Assert.Contains(page.QuerySelectorAll("a"), a => a.GetAttribute("href") == Slug + "/runs/round-1");
        Assert.True(cached > 0);
        Assert.Equal(cached, Site.Get<PageCache>().Count);
        Assert.Equal(await response.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/runs/no-such-run/vs/round-2", "There is no run “no-such-run” in this comparison's data.")]
    [InlineData("/runs/round-1/vs/no-such-run", "There is no run “no-such-run” in this comparison's data.")]
    [InlineData("/runs/round-1/vs/bytepulse-2026-03", "Run “bytepulse-2026-03” belongs to another benchmark suite, "
        + "not to this comparison's.")]
    [InlineData("/runs/round-1/vs/round-1", "That compares run “round-1” with itself, which has no differences: "
        + "pick two different runs.")]
    [InlineData("/runs/round-1/vs", "A difference needs two runs: pick one to compare from and one to.")]
    [InlineData("/runs/round-1/vs/round-2/extra", "There is no run “round-2/extra” in this comparison's data.")]
    [InlineData("/runs/round-1/vs/%3Cscript%3E", "There is no run “<script>” in this comparison's data.")]
    [InlineData("/compare?a=round-1", "A difference needs two runs: pick one to compare from and one to.")]
    [InlineData("/compare?a=round-1&b=round-1", "That compares run “round-1” with itself, which has no "
        + "differences: pick two different runs.")]
    [InlineData("/compare?a=round-1&b=bytepulse-2026-03", "Run “bytepulse-2026-03” belongs to another benchmark "
        + "suite, not to this comparison's.")]
    [InlineData("/compare?a=round-1&b=round-2&utm_source=x", "The address should name two runs, as ?a=<run id>&b=<run "
        + "id>, and nothing else.")]
    [InlineData("/compare?a=round-1&a=source-2025-12&b=round-2", "The address should name two runs, as ?a=<run "
        + "id>&b=<run id>, and nothing else.")]
    public async Task A_pair_that_is_not_two_runs_of_the_suite_answers_404_with_a_helpful_page(
        string path, string message)
    {
        var reader = await ReaderAsync();

        using var response = await reader.GetAsync(Slug + path);
        var page = await SiteFactory.ParseAsync(response);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("No such difference between runs", page.QuerySelector("h1")!.TextContent);
        Assert.Equal(message, page.QuerySelector("p.problem")!.TextContent);
        Assert.Contains(page.QuerySelectorAll("a"), a => a.GetAttribute("href") == Slug + "/data");
        Assert.Equal("noindex", page.QuerySelector("meta[name=robots]")!.GetAttribute("content"));
        Assert.Equal(
            ["round-2", "round-1", "source-2025-12"],
            page.QuerySelectorAll("select#run-a option").Select(o => o.GetAttribute("value")));
    }

    [Fact]
    public async Task Unknown_comparisons_get_the_sites_ordinary_404()
    {
        var reader = await ReaderAsync();

        using var response = await reader.GetAsync("/no-such-comparison/runs/round-1/vs/round-2");
        using var compare = await reader.GetAsync("/no-such-comparison/compare?a=round-1&b=round-2");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, compare.StatusCode);
    }

    [Fact]
    public async Task The_picker_is_a_plain_get_form_whose_answer_redirects_to_the_pairs_one_address()
    {
        var reader = await ReaderAsync();
        var page = await PageAsync(Forward);

        var form = page.QuerySelector("form.run-picker")!;
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.Equal(Slug + "/compare", form.GetAttribute("action"));
        Assert.Equal(["a", "b"], form.QuerySelectorAll("select").Select(s => s.GetAttribute("name")));
        Assert.Empty(form.QuerySelectorAll("[name]:not(select)"));
        Assert.Equal("round-1", form.QuerySelector("select#run-a option[selected]")!.GetAttribute("value"));
        Assert.Equal("round-2", form.QuerySelector("select#run-b option[selected]")!.GetAttribute("value"));
        Assert.Equal(
            [Forward],
            page.QuerySelectorAll("nav.run-pairs a").Select(a => a.GetAttribute("href")));

        using var redirect = await reader.GetAsync(Slug + "/compare?b=round-2&a=source-2025-12");
        Assert.Equal(HttpStatusCode.SeeOther, redirect.StatusCode);
        Assert.Equal(Slug + "/runs/source-2025-12/vs/round-2", redirect.Headers.Location!.OriginalString);
        using var target = await reader.GetAsync(redirect.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, target.StatusCode);
    }

    [Fact]
    public async Task The_sitemap_lists_only_each_run_against_the_one_before_of_its_origin()
    {
        var reader = await ReaderAsync();

        var sitemap = XDocument.Parse(await reader.GetStringAsync("/sitemap.xml"));
        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var differences = sitemap.Descendants(ns + "url")
            .Where(u => u.Element(ns + "loc")!.Value.Contains("/vs/", StringComparison.Ordinal))
            .ToList();

        var entry = Assert.Single(differences);
        Assert.Equal("http://localhost:5000" + Forward, entry.Element(ns + "loc")!.Value);
        Assert.NotNull(entry.Element(ns + "lastmod"));
    }

    private static Dictionary<string, IElement> Rows(IHtmlDocument page, string scenario, string metric) =>
        page.QuerySelectorAll($"table.run-changes[data-scenario='{scenario}'][data-metric='{metric}'] tbody tr")
            .ToDictionary(tr => tr.QuerySelector("th")!.TextContent);

    private static List<string> Cells(IElement row) => [.. row.QuerySelectorAll("td").Select(td => td.TextContent)];

    private static string Ranking(IHtmlDocument page, string scenario, string metric) =>
        page.QuerySelector($"#change-{scenario}-{metric} + p.ranking-change")!.TextContent;

    private async Task<IHtmlDocument> PageAsync(string path)
    {
        using var response = await (await ReaderAsync()).GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await SiteFactory.ParseAsync(response);
    }

    private HttpClient? _reader;

    /// <summary>
    /// Imports the fixture runs into the site's database before the site starts (it starts on the first request),
    /// so its first snapshot holds them all.
    /// </summary>
    private async Task<HttpClient> ReaderAsync()
    {
        if (_reader is null)
        {
            await using (var store = await StoreHarness.CreateAsync(Site.Database, seed: true))
            {
                foreach (var run in new[] { "source-2025-12", "round-1", "round-2" })
                {
                    var outcome = await store.ImportFileAsync(
                        Path.Combine(FixturePaths.Root, "runs-diff", run + ".json"));
                    Assert.Empty(outcome.Problems);
                }
            }

            _reader = Site.CreateReader();
        }

        return _reader;
    }
}
