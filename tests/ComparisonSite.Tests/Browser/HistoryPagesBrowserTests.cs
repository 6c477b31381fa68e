using Microsoft.Playwright;
using static ComparisonSite.Tests.Runs.HistoryFixtures;

namespace ComparisonSite.Tests.Browser;

/// <summary>
/// The data page and a run page in a real browser: trends drawn as lines from the same numbers as their tables,
/// axe, 360 px, the dark theme, the copy button, and no console errors.
/// </summary>
public sealed class HistoryPagesBrowserTests(HistoryBrowserFixture browser) : IClassFixture<HistoryBrowserFixture>
{
    private const string DataPage = Slug + "/data";
    private const string RunPage = Slug + "/runs/" + Measured;

    private Task<(IPage Page, List<string> Problems)> OpenAsync(
        string path, BrowserNewContextOptions? options = null) => browser.OpenAsync(path, options);

    [Fact]
    public async Task The_data_page_draws_each_trend_as_lines_with_the_numbers_of_its_table()
    {
        var (page, problems) = await OpenAsync(DataPage);
        await ChartDrawing.DrawAllAsync(page);

        var trends = await page.EvaluateAsync<JsonElement>("""
            () => [...document.querySelectorAll('figure.trend')].map(figure => {
              const chart = Chart.getChart(figure.querySelector('canvas'));
              return {
                type: chart ? chart.config.type : null,
                visible: figure.querySelector('.chart-canvas').hidden === false,
                series: chart ? chart.data.datasets.map(d => d.data) : [],
                columns: [...figure.querySelectorAll('table thead th')].slice(1).map((_, i) =>
                  [...figure.querySelectorAll('table tbody tr')].map(row => {
                    const data = row.querySelectorAll('td')[i].querySelector('data');
                    return data ? Number(data.getAttribute('value')) : null;
                  })),
              };
            })
            """);

        Assert.Equal(SeedTrends, trends.GetArrayLength());
        foreach (var trend in trends.EnumerateArray())
        {
            Assert.Equal("line", trend.GetProperty("type").GetString());
            Assert.True(trend.GetProperty("visible").GetBoolean());
            Assert.Equal(trend.GetProperty("columns").ToString(), trend.GetProperty("series").ToString());
        }

        Assert.Empty(problems);
    }

    [Theory]
    [InlineData(DataPage)]
    [InlineData(RunPage)]
    public async Task Axe_finds_no_accessibility_violations_in_either_theme(string path)
    {
        foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
        {
            var (page, problems) = await OpenAsync(
                path, new BrowserNewContextOptions { BypassCSP = true, ColorScheme = scheme });
            var found = await BrowserFixture.AxeViolationsAsync(page);
            Assert.True(found.Count == 0, $"{path}, {scheme}: {string.Join('\n', found)}");
            Assert.Empty(problems);
        }
    }

    [Theory]
    [InlineData(DataPage)]
    [InlineData(RunPage)]
    public async Task At_360_pixels_in_the_dark_theme_nothing_overflows_the_page(string path)
    {
        var (page, problems) = await OpenAsync(path, new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 360, Height = 740 },
            IsMobile = true,
            ColorScheme = ColorScheme.Dark,
        });

        Assert.True(
            await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= 360"),
            $"{path} scrolls sideways at 360 px");
        Assert.Equal(
            "rgb(15, 19, 23)",
            await page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor"));
        Assert.Empty(problems);
    }

    [Fact]
    public async Task The_copy_button_copies_the_citation_and_says_so()
    {
        var (page, problems) = await OpenAsync(RunPage);
        await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);

        await page.ClickAsync("button[data-copy='citation-text']");
        await page.WaitForFunctionAsync("() => document.querySelector('.copy-status').textContent.length > 0");

        Assert.Equal(
            await page.TextContentAsync("#citation-text"),
            await page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));
        Assert.Equal("Copy citation: copied.", await page.TextContentAsync(".copy-status"));
        Assert.Empty(problems);
    }
}
