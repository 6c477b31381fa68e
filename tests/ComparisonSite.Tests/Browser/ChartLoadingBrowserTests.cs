using Microsoft.Playwright;

namespace ComparisonSite.Tests.Browser;

/// <summary>
/// Charts arrive drawn by the server; Chart.js loads only when the reader comes to a chart, takes the SVG's place
/// without moving anything, and a chart downloads as PNG.
/// </summary>
public sealed class ChartLoadingBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Article = "/fastapi-vs-django-vs-flask";

    private const string ChartScripts = """
        () => performance.getEntriesByType('resource').map(e => e.name)
          .filter(n => n.includes('chart.umd') || n.includes('/js/charts.js'))
        """;

    [Fact]
    public async Task No_chart_script_loads_until_the_reader_points_at_a_chart_then_it_draws_the_tables_numbers()
    {
        var (page, problems) = await browser.OpenAsync(Article);

        Assert.Empty(await page.EvaluateAsync<string[]>(ChartScripts));
        await page.WaitForTimeoutAsync(1000);
        Assert.Empty(await page.EvaluateAsync<string[]>(ChartScripts));
        Assert.True(await page.EvaluateAsync<bool>("() => typeof Chart === 'undefined'"));
        Assert.True(await page.Locator("figure.chart svg.chart-svg").First.IsVisibleAsync());

        // Pointing at the first chart loads Chart.js, which draws that chart in place of its SVG.
        var first = page.Locator("figure.chart").First;
        await first.Locator(".chart-box").HoverAsync();
        await page.WaitForFunctionAsync(
            "() => typeof Chart !== 'undefined' && !!Chart.getChart(document.querySelector('figure.chart canvas'))");
        Assert.Equal(2, (await page.EvaluateAsync<string[]>(ChartScripts)).Length);
        Assert.True(await first.Locator("canvas").IsVisibleAsync());
        Assert.False(await first.Locator("svg.chart-svg").IsVisibleAsync());
        var same = await first.EvaluateAsync<bool>("""
            figure => {
              const chart = Chart.getChart(figure.querySelector('canvas'));
              const table = new Map([...figure.querySelectorAll('table tbody tr')].map(row => [
                row.querySelector('th').textContent,
                [...row.querySelectorAll('td data')].map(d => Number(d.getAttribute('value'))).join(' ')]));
              return chart.data.datasets.length === table.size
                && chart.data.datasets.every(d => table.get(d.label) === d.data.join(' '));
            }
            """);
        Assert.True(same, "the chart's data differs from its table");
        Assert.Empty(problems);
    }

    [Fact]
    public async Task Scrolling_draws_every_chart_and_nothing_moves_when_the_canvas_replaces_the_svg()
    {
        var (page, problems) = await browser.OpenAsync(Article, new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 412, Height = 823 },
            IsMobile = true,
        });
        await page.EvaluateAsync("""
            () => {
              window.shifts = 0;
              new PerformanceObserver(list => list.getEntries().forEach(e => window.shifts += e.value))
                .observe({ type: 'layout-shift', buffered: true });
            }
            """);
        const string Boxes = """
            () => [...document.querySelectorAll('figure[data-chart] .chart-box')].map(box => {
              const r = box.getBoundingClientRect();
              return `${Math.round(r.width)}x${Math.round(r.height)}@${Math.round(r.top + window.scrollY)}`;
            })
            """;
        var before = await page.EvaluateAsync<string[]>(Boxes);

        await ChartDrawing.DrawAllAsync(page);
        await page.EvaluateAsync("() => new Promise(done => setTimeout(done, 300))");

        Assert.Equal(before, await page.EvaluateAsync<string[]>(Boxes));
        Assert.Equal(0, await page.EvaluateAsync<double>("() => window.shifts"));
        Assert.Equal(0, await page.Locator("figure[data-chart] svg.chart-svg:visible").CountAsync());
        Assert.Empty(problems);
    }

    [Fact]
    public async Task The_png_control_downloads_a_png_of_the_chart()
    {
        var (page, problems) = await browser.OpenAsync(Article);
        var button = page.Locator("figure.chart .figure-downloads button.figure-png").First;

        var download = await page.RunAndWaitForDownloadAsync(() => button.ClickAsync());

        Assert.EndsWith(".png", download.SuggestedFilename, StringComparison.Ordinal);
        var path = await download.PathAsync();
        var bytes = await File.ReadAllBytesAsync(path!);
        Assert.True(bytes.Length > 1000, $"{bytes.Length} bytes");
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, bytes[..8]);
        Assert.Empty(problems);
    }

    [Fact]
    public async Task Axe_finds_no_violations_once_the_charts_are_drawn()
    {
        var (page, problems) = await browser.OpenAsync(Article, new BrowserNewContextOptions { BypassCSP = true });
        await ChartDrawing.DrawAllAsync(page);

        Assert.Empty(await BrowserFixture.AxeViolationsAsync(page));
        Assert.Empty(problems);
    }

    [Fact]
    public async Task Charts_hide_the_frameworks_the_filter_names_at_creation_and_on_its_event()
    {
        var (page, problems) = await browser.OpenAsync(Article);
        await page.EvaluateAsync("() => { document.documentElement.dataset.hiddenFrameworks = 'flask'; }");
        await ChartDrawing.DrawAllAsync(page);
        const string Hidden = """
            () => [...document.querySelectorAll('figure[data-chart] canvas')].map(canvas => {
              const chart = Chart.getChart(canvas);
              return chart.data.datasets.filter((d, i) => !chart.isDatasetVisible(i)).map(d => d.framework).join(' ');
            })
            """;

        Assert.All(await page.EvaluateAsync<string[]>(Hidden), h => Assert.Equal("flask", h));

        await page.EvaluateAsync(
            "() => document.dispatchEvent(new CustomEvent('figures:filter', { detail: { hidden: ['django'] } }))");
        Assert.All(await page.EvaluateAsync<string[]>(Hidden), h => Assert.Equal("django", h));
        Assert.Empty(problems);
    }
}
