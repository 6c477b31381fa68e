using Microsoft.Playwright;
using Xunit.Abstractions;

namespace ComparisonSite.Tests.Browser;

/// <summary>
/// What a reader gets in a real browser: charts drawn, no errors, phone widths, dark theme, keyboard, axe.
/// </summary>
[LongRunning(seconds: 180)]
public sealed class ReaderExperienceTests(BrowserFixture browser, ITestOutputHelper output)
    : IClassFixture<BrowserFixture>
{
    private const string Article = "/fastapi-vs-django-vs-flask";

    private Task<(IPage Page, List<string> Problems)> OpenAsync(
        string path,
        BrowserNewContextOptions? options = null) =>
        browser.OpenAsync(path, options, path == "/no-such-page" ? 404 : 200);

    [Fact]
    public async Task Every_chart_draws_with_the_same_numbers_as_its_table_and_nothing_fails()
    {
        var (page, problems) = await OpenAsync(Article);
        await ChartDrawing.DrawAllAsync(page);

        var charts = await page.EvaluateAsync<JsonElement>("""
            () => [...document.querySelectorAll('figure[data-chart]')].map(figure => {
              const chart = Chart.getChart(figure.querySelector('canvas'));
              return {
                drawn: !!chart && figure.querySelector('.chart-canvas').hidden === false,
                labels: chart ? chart.data.labels : [],
                series: chart ? chart.data.datasets.map(d => ({ label: d.label, values: d.data })) : [],
                table: [...figure.querySelectorAll('table tbody tr')].map(row => ({
                  label: row.querySelector('th').textContent,
                  values: [...row.querySelectorAll('td data')].map(d => Number(d.getAttribute('value'))),
                })),
                headers: [...figure.querySelectorAll('table thead th')].slice(1).map(th => th.textContent),
              };
            })
            """);

        Assert.True(charts.GetArrayLength() > 0, "the article has no charts");
        foreach (var chart in charts.EnumerateArray())
        {
            Assert.True(chart.GetProperty("drawn").GetBoolean(), "a chart was not drawn");
            // A chart of one group orders its bars best first; the table keeps the article's order.
            var series = chart.GetProperty("series").EnumerateArray()
                .OrderBy(s => s.GetProperty("label").GetString(), StringComparer.Ordinal).ToList();
            var rows = chart.GetProperty("table").EnumerateArray()
                .OrderBy(r => r.GetProperty("label").GetString(), StringComparer.Ordinal).ToList();
            Assert.Equal(
                rows.Select(r => r.GetProperty("label").GetString()),
                series.Select(s => s.GetProperty("label").GetString()));
            for (var i = 0; i < rows.Count; i++)
            {
                Assert.Equal(
                    rows[i].GetProperty("values").EnumerateArray().Select(v => v.GetDouble()),
                    series[i].GetProperty("values").EnumerateArray().Select(v => v.GetDouble()));
            }

            var labels = chart.GetProperty("labels").EnumerateArray().Select(l => l.GetString()!).ToList();
            Assert.Equal(labels.Count, chart.GetProperty("headers").GetArrayLength());
            Assert.All(
                chart.GetProperty("headers").EnumerateArray().Zip(labels),
                p => Assert.StartsWith(p.Second, p.First.GetString(), StringComparison.Ordinal));
        }

        Assert.Empty(problems);
    }

    [Fact]
    public async Task Charts_draw_a_whisker_for_every_value_with_a_spread_and_the_table_shows_the_same_ranges()
    {
        var (page, problems) = await OpenAsync(Article);
        await ChartDrawing.DrawAllAsync(page);

        // For every bar with a spread: whether the table has its range, and whether the canvas differs between the
        // bar's centre line and a line just inside its edge somewhere from the smallest to the largest round (the
        // whisker, drawn over the bar or beyond it). Line charts (throughput against concurrency) draw no
        // whiskers: their tables carry the ranges.
        var bars = await page.EvaluateAsync<JsonElement>("""
            () => [...document.querySelectorAll('figure[data-chart]:not(.scaling)')].flatMap(figure => {
              const chart = Chart.getChart(figure.querySelector('canvas'));
              const context = chart.canvas.getContext('2d');
              const ratio = chart.currentDevicePixelRatio;
              const horizontal = chart.options.indexAxis === 'y';
              const scale = chart.scales[horizontal ? 'x' : 'y'];
              // One readback per chart: reading pixel by pixel makes Chrome warn on the console.
              const image = context.getImageData(0, 0, chart.canvas.width, chart.canvas.height);
              const pixel = (x, y) => {
                const at = (Math.round(y * ratio) * image.width + Math.round(x * ratio)) * 4;
                return image.data.slice(at, at + 4).join(',');
              };
              const rows = [...figure.querySelectorAll('table tbody tr')];
              return chart.data.datasets.flatMap((dataset, d) => chart.getDatasetMeta(d).data.map((bar, i) => {
                const max = dataset.whiskerMax?.[i];
                const spread = rows[d].querySelectorAll('td')[i].querySelector('.spread');
                if (max === null || max === undefined) {
                  return { whisker: false, spread: !!spread };
                }
                const [from, to] = [scale.getPixelForValue(dataset.whiskerMin[i]), scale.getPixelForValue(max)];
                let inked = false;
                for (let p = Math.min(from, to) + 1; p < Math.max(from, to) - 1 && !inked; p++) {
                  const [centre, edge] = horizontal
                    ? [pixel(p, bar.y), pixel(p, bar.y - bar.height / 2 + 2)]
                    : [pixel(bar.x, p), pixel(bar.x - bar.width / 2 + 2, p)];
                  inked = centre !== edge;
                }
                return {
                  whisker: true,
                  // A range under 3 px (memory that barely moves between rounds) has no length to ink.
                  tiny: Math.abs(to - from) < 3,
                  spread: !!spread,
                  range: `${dataset.whiskerMin[i]} ${max}`,
                  table: spread ? spread.getAttribute('aria-label') : '',
                  inked,
                };
              }));
            })
            """);

        var withWhiskers = bars.EnumerateArray().Where(b => b.GetProperty("whisker").GetBoolean()).ToList();
        Assert.NotEmpty(withWhiskers);
        Assert.All(bars.EnumerateArray(), b =>
            Assert.Equal(b.GetProperty("whisker").GetBoolean(), b.GetProperty("spread").GetBoolean()));
        Assert.All(
            withWhiskers.Where(b => !b.GetProperty("tiny").GetBoolean()),
            b => Assert.True(b.GetProperty("inked").GetBoolean(), b.ToString()));
        Assert.All(withWhiskers, b => Assert.StartsWith("range of ", b.GetProperty("table").GetString()!,
            StringComparison.Ordinal));
        Assert.Empty(problems);
    }

    [Fact]
    public async Task With_javascript_off_the_tables_carry_the_data_and_the_layout_holds()
    {
        var (page, problems) = await OpenAsync(Article, new BrowserNewContextOptions { JavaScriptEnabled = false });

        Assert.True(await page.Locator("figure.chart table").First.IsVisibleAsync());
        Assert.False(await page.Locator("figure.chart canvas").First.IsVisibleAsync());
        // Every chart shows as its SVG, a bar or a line's point (and tooltip) for every number of its table.
        var charts = await page.EvaluateAsync<JsonElement>("""
            () => [...document.querySelectorAll('figure.chart')].map(figure => ({
              svg: figure.querySelector('svg.chart-svg').getBoundingClientRect().height,
              bars: figure.querySelectorAll('svg rect.bar > title, svg circle.point > title').length,
              cells: figure.querySelectorAll('table tbody td data').length,
            }))
            """);
        Assert.NotEqual(0, charts.GetArrayLength());
        Assert.All(charts.EnumerateArray(), c =>
        {
            Assert.True(c.GetProperty("svg").GetDouble() > 100);
            Assert.Equal(c.GetProperty("cells").GetInt32(), c.GetProperty("bars").GetInt32());
        });
        Assert.True(await page.Locator("table.benchmark").First.IsVisibleAsync());
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));
        Assert.Empty(problems);
    }

    [Theory]
    [InlineData(360)]
    [InlineData(412)]
    public async Task On_a_phone_nothing_overflows_the_page_and_every_figure_value_is_on_screen(int width)
    {
        var (page, problems) = await OpenAsync(Article, new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = 740 },
            IsMobile = true,
        });

        await BrowserFixture.LayOutEverySectionAsync(page);
        var speed = await page.EvaluateAsync<double>(
            "() => document.getElementById('speed').getBoundingClientRect().height");
        output.WriteLine($"The speed section at {width} px: {speed:F0} px tall");
        Assert.True(
            await page.EvaluateAsync<bool>($"() => document.documentElement.scrollWidth <= {width}"),
            $"the page scrolls sideways at {width} px");
        // Every value of a figure's table (benchmark tables and the tables under charts) inside the screen, and no
        // figure table wider than its scrolling box: nothing to find by scrolling a table sideways.
        var offScreen = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('table.figure-table td')]
              .filter(td => { const r = td.getBoundingClientRect(); return r.left < 0 || r.right > innerWidth + 0.5; })
              .map(td => `${td.dataset.column}: ${td.textContent.trim()}`)
            """);
        Assert.Empty(offScreen);
        var scrolled = await page.EvaluateAsync<int>("""
            () => [...document.querySelectorAll('.table-scroll')]
              .filter(box => box.querySelector('table.figure-table') && box.scrollWidth > box.clientWidth + 1).length
            """);
        Assert.Equal(0, scrolled);
        Assert.True(await page.EvaluateAsync<int>("() => document.querySelectorAll('table.figure-table td').length")
            > 50);
        Assert.Empty(problems);
    }

    [Fact]
    public async Task The_dark_theme_applies_and_the_charts_follow_it()
    {
        var (light, _) = await OpenAsync(Article, new BrowserNewContextOptions { ColorScheme = ColorScheme.Light });
        var (dark, problems) =
            await OpenAsync(Article, new BrowserNewContextOptions { ColorScheme = ColorScheme.Dark });

        // The server-drawn SVG takes its colours from the theme as well.
        const string SvgBar = "() => getComputedStyle(document.querySelector('svg.chart-svg rect.bar.series-1')).fill";
        Assert.Equal("rgb(108, 182, 255)", await dark.EvaluateAsync<string>(SvgBar));
        Assert.Equal("rgb(11, 98, 196)", await light.EvaluateAsync<string>(SvgBar));
        await ChartDrawing.DrawAllAsync(light);
        await ChartDrawing.DrawAllAsync(dark);

        const string Background = "() => getComputedStyle(document.body).backgroundColor";
        const string FirstBar = "() => Chart.getChart(document.querySelector('figure[data-chart] canvas'))"
            + ".data.datasets[0].backgroundColor";
        const string SeriesOne =
            "() => getComputedStyle(document.documentElement).getPropertyValue('--series-1').trim()";
        Assert.Equal("rgb(255, 255, 255)", await light.EvaluateAsync<string>(Background));
        Assert.Equal("rgb(15, 19, 23)", await dark.EvaluateAsync<string>(Background));
        Assert.Equal(await dark.EvaluateAsync<string>(SeriesOne), await dark.EvaluateAsync<string>(FirstBar));
        Assert.NotEqual(await light.EvaluateAsync<string>(FirstBar), await dark.EvaluateAsync<string>(FirstBar));

        // Switching the system theme while the page is open recolours the drawn charts.
        var darkBar = await dark.EvaluateAsync<string>(FirstBar);
        await light.EmulateMediaAsync(new PageEmulateMediaOptions { ColorScheme = ColorScheme.Dark });
        await light.WaitForFunctionAsync(
            $"() => ({FirstBar})() === '{darkBar}'",
            null,
            new PageWaitForFunctionOptions { Timeout = 5000 });
        Assert.Empty(problems);
    }

    [Fact]
    public async Task Keyboard_users_reach_the_table_of_contents_and_its_links_move_focus_to_the_section()
    {
        var (page, problems) = await OpenAsync(Article);
        var reached = new List<string>();
        for (var i = 0; i < 12 && !reached.Contains("#speed"); i++)
        {
            await page.Keyboard.PressAsync("Tab");
            reached.Add(await page.EvaluateAsync<string>(
                "() => document.activeElement.getAttribute('href') ?? document.activeElement.tagName"));
        }

        Assert.Equal("#main", reached[0]);
        Assert.Contains("#speed", reached);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForFunctionAsync("() => document.activeElement && document.activeElement.id === 'speed'");
        Assert.Equal("speed", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        Assert.Empty(problems);
    }

    [Theory]
    [InlineData("/")]
    [InlineData(Article)]
    public async Task Axe_finds_no_accessibility_violations(string path)
    {
        // The page's CSP rightly refuses injected scripts; the audit tool alone is let in.
        var (page, problems) = await OpenAsync(path, new BrowserNewContextOptions { BypassCSP = true });
        Assert.Empty(await BrowserFixture.AxeViolationsAsync(page));
        Assert.Empty(problems);
    }

    [Fact]
    public async Task Screenshots_at_desktop_and_phone_widths_in_both_themes()
    {
        var shots = new List<string>();
        foreach (var (name, width, height) in new[] { ("desktop", 1280, 900), ("phone", 360, 740) })
        {
            foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
            {
                var (page, problems) = await OpenAsync(Article, new BrowserNewContextOptions
                {
                    ViewportSize = new ViewportSize { Width = width, Height = height },
                    ColorScheme = scheme,
                });
                var theme = scheme.ToString().ToLower(CultureInfo.InvariantCulture);
                var file = Path.Combine(browser.ScreenshotFolder, $"article-{name}-{theme}.png");
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
                Assert.True(new FileInfo(file).Length > 10_000, $"{file} looks empty");
                Assert.Empty(problems);
                shots.Add(file);
            }
        }

        output.WriteLine("Screenshots: " + string.Join(", ", shots));
    }
}
