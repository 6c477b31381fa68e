using AngleSharp.Dom;
using static ComparisonSite.Tests.Runs.HistoryFixtures;

namespace ComparisonSite.Tests.Runs;

/// <summary>
/// The page budget (<c>Site:MeasurementsPerPage</c>): a run page and a difference of two runs with more
/// measurements than a page shows are split into numbered parts that together show each measurement once; the
/// data page draws trends up to the budget and counts the rest. Set low here so the seeded runs split; the large
/// runs are measured by bench/large-runs.sh and checked in Hostile/LargeDownloadTests.
/// </summary>
public sealed class SplitPagesTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    private const string Base = "http://localhost:5000";

    [Fact]
    public async Task A_run_page_past_the_budget_is_split_into_parts_that_show_each_measurement_once()
    {
        await using var site = await SiteWithBudget(6);
        await using var whole = await SiteWithBudget(2_000);
        var reader = site.CreateReader();
        var run = $"{Slug}/runs/{Reported}";

        var unsplit = await SiteFactory.ParseAsync(await whole.CreateReader().GetAsync(run));
        var first = await SiteFactory.ParseAsync(await reader.GetAsync(run));
        var links = first.QuerySelector("nav.parts")!.QuerySelectorAll("ol.part-list li").ToList();
        var parts = new List<IDocument> { first };
        for (var part = 2; part <= links.Count; part++)
        {
            using var response = await reader.GetAsync($"{run}/part/{part}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            parts.Add(await SiteFactory.ParseAsync(response));
        }

        // The reported seed run: 21 measurements in series of 3, 3, 3, 3, 3, 4 and 2 (scenario, then metric order).
        Assert.Equal(4, links.Count);
        Assert.All(parts, p => Assert.InRange(Cells(p).Count, 1, 6));
        Assert.Equal(TestSnapshots.SeedDocument().Results.Count, parts.Sum(p => Cells(p).Count));
        Assert.Equal(
            Cells(unsplit).Order(StringComparer.Ordinal), parts.SelectMany(Cells).Order(StringComparer.Ordinal));
        Assert.Equal($"{Base}{run}/part/3", parts[2].QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.EndsWith(", part 3 of 4 | ComparisonSite", parts[2].Title, StringComparison.Ordinal);
        Assert.Equal($"{run}/part/4", parts[2].QuerySelector("nav.parts a[rel=next]")!.GetAttribute("href"));
        Assert.Equal($"{run}/part/2", parts[2].QuerySelector("nav.parts a[rel=prev]")!.GetAttribute("href"));
        Assert.Equal(run, parts[1].QuerySelector("nav.parts a[rel=prev]")!.GetAttribute("href"));
        Assert.NotNull(parts[2].QuerySelectorAll("nav.parts ol.part-list li")[2].QuerySelector("[aria-current=page]"));
        Assert.Contains(
            "This list has 21 measurements, more than one page shows (6). This is part 1 of 4",
            first.QuerySelector("nav.parts p")!.TextContent,
            StringComparison.Ordinal);
        Assert.Equal(
            ["Parts of this page", "Parts of this page, at its end"],
            first.QuerySelectorAll("nav.parts").Select(n => n.GetAttribute("aria-label")));
        // Every part keeps the environment, downloads and citation of the run.
        Assert.All(parts, p => Assert.NotNull(p.QuerySelector("#downloads a[download]")));
    }

    [Theory]
    [InlineData("/part/1", HttpStatusCode.MovedPermanently)]
    [InlineData("/part/5", HttpStatusCode.NotFound)]
    [InlineData("/part/0", HttpStatusCode.NotFound)]
    [InlineData("/part/99999999999", HttpStatusCode.NotFound)]
    [InlineData("/part/x", HttpStatusCode.NotFound)]
    public async Task A_part_the_run_page_does_not_have_answers_404_and_part_1_redirects_to_the_run(
        string suffix, HttpStatusCode expected)
    {
        await using var site = await SiteWithBudget(6);
        var run = $"{Slug}/runs/{Reported}";

        using var response = await site.CreateReader().GetAsync(run + suffix);

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.MovedPermanently)
        {
            Assert.Equal(run, response.Headers.Location!.OriginalString);
        }
    }

    [Theory]
    [InlineData("/runs/no-such-run/part/1")]
    [InlineData("/runs/%3Cx%3E/part/1")]
    [InlineData("/runs/no-such-run/vs/bytepulse-2026-03/part/1")]
    public async Task Part_1_of_an_unknown_run_answers_404_rather_than_redirecting(string path)
    {
        await using var site = await SiteWithBudget(6);

        using var response = await site.CreateReader().GetAsync(Slug + path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_run_page_within_the_budget_has_no_parts()
    {
        await using var site = await SiteWithBudget(2_000);
        var reader = site.CreateReader();

        var page = await SiteFactory.ParseAsync(await reader.GetAsync($"{Slug}/runs/{Reported}"));
        using var part = await reader.GetAsync($"{Slug}/runs/{Reported}/part/2");

        Assert.Empty(page.QuerySelectorAll("nav.parts"));
        Assert.Equal(HttpStatusCode.NotFound, part.StatusCode);
    }

    [Fact]
    public async Task A_difference_past_the_budget_is_split_and_a_long_table_continues_on_the_next_part()
    {
        await using var small = await SiteWithBudget(2);
        await using var whole = await SiteWithBudget(2_000);
        var difference = $"{Slug}/runs/{Reported}/vs/{Measured}";

        var unsplit = await SiteFactory.ParseAsync(await whole.CreateReader().GetAsync(difference));
        var reader = small.CreateReader();
        var first = await SiteFactory.ParseAsync(await reader.GetAsync(difference));
        var count = first.QuerySelector("nav.parts")!.QuerySelectorAll("ol.part-list li").Length;
        var parts = new List<IDocument> { first };
        for (var part = 2; part <= count; part++)
        {
            parts.Add(await SiteFactory.ParseAsync(await reader.GetAsync($"{difference}/part/{part}")));
        }

        using var past = await reader.GetAsync($"{difference}/part/{count + 1}");
        using var partOne = await reader.GetAsync($"{difference}/part/1");

        Assert.Empty(unsplit.QuerySelectorAll("nav.parts"));
        Assert.All(parts, p => Assert.InRange(Rows(p).Count, 1, 2));
        Assert.Equal(Rows(unsplit), parts.SelectMany(Rows));
        // json:rps has 4 frameworks: its table is shown in two slices, the ranking sentence with the first.
        Assert.Equal(
            unsplit.QuerySelectorAll("p.ranking-change").Select(p => p.TextContent),
            parts.SelectMany(p => p.QuerySelectorAll("p.ranking-change")).Select(p => p.TextContent));
        Assert.Contains(parts, p => p.QuerySelectorAll("h3").Any(h => h.TextContent.EndsWith("(continued)",
            StringComparison.Ordinal)));
        Assert.Equal(
            $"{Base}{difference}/part/2", parts[1].QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.NotFound, past.StatusCode);
        Assert.Equal(HttpStatusCode.MovedPermanently, partOne.StatusCode);
        Assert.Equal(difference, partOne.Headers.Location!.OriginalString);
        Assert.Contains(
            $"has no part {count + 1}",
            (await SiteFactory.ParseAsync(past)).QuerySelector("p.problem")!.TextContent,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_data_page_draws_trends_up_to_the_budget_and_counts_the_rest()
    {
        await using var site = await SiteWithBudget(9);
        await ImportAsync(site, September, October);

        var page = await SiteFactory.ParseAsync(await site.CreateReader().GetAsync($"{Slug}/data"));

        // Each trend has 8 points or more (the two seeded measured runs x 4 frameworks; json and db throughput
        // have the fixture runs' points too): the first fits a budget of 9, the rest are counted.
        Assert.Single(page.QuerySelectorAll("figure.trend"));
        Assert.StartsWith(
            $"{SeedTrends - 1} more trends are not drawn here: this page draws at most 9 measurements.",
            Normalize(page.QuerySelector("p.trends-not-drawn")!.TextContent),
            StringComparison.Ordinal);
    }

    private Task<TestSite> SiteWithBudget(int perPage) => TestSite.CreateAsync(
        postgres,
        settings: new Dictionary<string, string?>
        {
            ["Site:MeasurementsPerPage"] = perPage.ToString(CultureInfo.InvariantCulture),
        });

    /// <summary>Each value cell of a run page's tables, as "column heading|row heading|value".</summary>
    private static List<string> Cells(IDocument page) =>
    [
        .. page.QuerySelectorAll("#tables table.benchmark").SelectMany(table =>
        {
            var columns = table.QuerySelectorAll("thead tr:last-child th").Select(th => th.TextContent).ToList();
            return table.QuerySelectorAll("tbody tr").SelectMany(row => row.Children.Select((cell, column) =>
                    (cell, column))
                .Where(c => c.cell.QuerySelector("data") is not null)
                .Select(c => $"{columns.ElementAtOrDefault(c.column)}|{row.Children[0].TextContent}|"
                    + Normalize(c.cell.TextContent)));
        }),
    ];

    /// <summary>Each row of a difference page, as "scenario, metric, framework, values, change".</summary>
    private static List<string> Rows(IDocument page) =>
    [
        .. page.QuerySelectorAll("table.run-changes").SelectMany(table => table.QuerySelectorAll("tbody tr")
            .Select(row => $"{table.GetAttribute("data-scenario")}|{table.GetAttribute("data-metric")}|"
                + Normalize(row.TextContent))),
    ];

    private static string Normalize(string text) => string.Join(' ', text.Split((char[]?)null,
        StringSplitOptions.RemoveEmptyEntries));
}
