using Microsoft.Playwright;

namespace ComparisonSite.Tests.Browser;

/// <summary>Site search in a real browser on a phone: the header box, the results page, axe in both themes.</summary>
[LongRunning(seconds: 100)]
public sealed class SearchBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static BrowserNewContextOptions Phone(ColorScheme scheme) => new()
    {
        ViewportSize = new ViewportSize { Width = 360, Height = 740 },
        IsMobile = true,
        ColorScheme = scheme,
        BypassCSP = true,
    };

    [Theory]
    [InlineData("light", "/search?q=fastapi", 200)]
    [InlineData("dark", "/search?q=fastapi", 200)]
    [InlineData("light", "/search?q=%22nothing%20like%20this%22", 200)]
    [InlineData("dark", "/search?q=a%00b", 400)]
    public async Task The_results_page_passes_axe_and_fits_360_pixels(string theme, string path, int status)
    {
        var scheme = theme == "dark" ? ColorScheme.Dark : ColorScheme.Light;
        var (page, problems) = await browser.OpenAsync(path, Phone(scheme), status);

        Assert.Empty(await BrowserFixture.AxeViolationsAsync(page));
        Assert.True(
            await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= 360"),
            "the page scrolls sideways at 360 px");
        if (path.EndsWith("fastapi", StringComparison.Ordinal))
        {
            Assert.True(await page.Locator(".search-result mark").CountAsync() > 0, "no highlighted result");
        }

        // A refused query's own 400 is reported twice (the response, and Chromium's console line for it).
        Assert.DoesNotContain(problems, p => !p.Contains("400", StringComparison.Ordinal));
        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(browser.ScreenshotFolder, $"search-{theme}-{status}.png"),
            FullPage = true,
        });
    }

    [Fact]
    public async Task The_header_search_box_takes_a_query_and_shows_its_results()
    {
        var (page, problems) = await browser.OpenAsync(
            "/fastapi-vs-django-vs-flask", Phone(ColorScheme.Light));

        var box = page.GetByRole(AriaRole.Search).First.GetByLabel("Search comparisons");
        Assert.True(await box.IsVisibleAsync());
        var header = await page.Locator("#site-header").BoundingBoxAsync();
        Assert.True(header!.Width <= 360);
        await box.FillAsync("Django admin");
        await box.PressAsync("Enter");
        await BrowserFixture.ArrivedAtAsync(page, "**/search?q=Django+admin");

        Assert.Equal("Django admin", await page.Locator("#search-page-q").InputValueAsync());
        var first = page.Locator(".search-result").First;
        Assert.Contains(
            "FastAPI vs Django vs Flask", await first.Locator("h2").TextContentAsync(), StringComparison.Ordinal);
        var marks = await first.Locator(".search-snippet mark").AllTextContentsAsync();
        Assert.Contains(marks, m => m.Equals("admin", StringComparison.OrdinalIgnoreCase));
        await first.Locator(".search-section a").ClickAsync();
        await BrowserFixture.ArrivedAtAsync(page, "**/fastapi-vs-django-vs-flask#*");
        Assert.Empty(problems);
    }
}
