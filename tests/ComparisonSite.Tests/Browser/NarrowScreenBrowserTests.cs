using Microsoft.Playwright;
using Xunit.Abstractions;

namespace ComparisonSite.Tests.Browser;

/// <summary>
/// Every page type at a phone's, a tablet's and a desktop's width, in both themes: the page never scrolls sideways,
/// and on a phone no table (a figure's, an editor's) hides a value behind its own sideways scroll.
/// </summary>
[LongRunning(seconds: 90)]
public sealed class NarrowScreenBrowserTests(BrowserFixture browser, ITestOutputHelper output)
    : IClassFixture<BrowserFixture>
{
    private const string Slug = "/fastapi-vs-django-vs-flask";

    public static TheoryData<string> Pages() =>
    [
        "/",
        Slug,
        Slug + "/data",
        Slug + "/runs/measured-2026-11-27",
        Slug + "/runs/bytepulse-2026-03",
        Slug + "/runs/bytepulse-2026-03/vs/measured-2026-11-27",
        Slug + "/cost",
        "/search?q=fastapi",
    ];

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task At_360_pixels_every_table_value_is_on_screen_in_both_themes(string path)
    {
        foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
        {
            var page = await OpenAsync(path, 360, scheme);
            var hidden = await page.EvaluateAsync<string[]>("""
                () => [
                  ...[...document.querySelectorAll('.table-scroll')]
                    .filter(box => box.scrollWidth > box.clientWidth + 1)
                    .map(box => `a table scrolls sideways: ${box.getAttribute('aria-label')}`),
                  ...[...document.querySelectorAll('table td, table th')]
                    .filter(cell => {
                      const box = cell.getBoundingClientRect();
                      return box.width > 0 && (box.left < -0.5 || box.right > innerWidth + 0.5);
                    })
                    .map(cell => `a cell off screen: ${cell.textContent.trim().slice(0, 60)}`),
                ]
                """);
            Assert.Empty(hidden);
            if (scheme == ColorScheme.Light)
            {
                var name = path == "/" ? "home" : path.Trim('/').Replace('/', '-').Replace('?', '-');
                var file = Path.Combine(browser.ScreenshotFolder, $"narrow-360-{name}.png");
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = file });
                output.WriteLine($"Screenshot: {file}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task At_768_and_1280_pixels_the_page_never_scrolls_sideways(string path)
    {
        foreach (var (width, scheme) in new[] { (768, ColorScheme.Dark), (1280, ColorScheme.Light) })
        {
            await OpenAsync(path, width, scheme);
        }
    }

    // Opens the page with every section laid out and checks the page itself fits its width.
    private async Task<IPage> OpenAsync(string path, int width, ColorScheme scheme)
    {
        var (page, problems) = await browser.OpenAsync(path, new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = 740 },
            IsMobile = width < 500,
            ColorScheme = scheme,
        });
        await BrowserFixture.LayOutEverySectionAsync(page);
        Assert.True(
            await page.EvaluateAsync<bool>($"() => document.documentElement.scrollWidth <= {width}"),
            $"{path} scrolls sideways at {width} px ({scheme})");
        Assert.True(
            await page.EvaluateAsync<int>("() => document.querySelectorAll('main, article').length") > 0,
            $"{path} has no main content");
        Assert.Empty(problems);
        return page;
    }
}
