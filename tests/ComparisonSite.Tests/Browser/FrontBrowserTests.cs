using ComparisonSite.Tests.Front;
using Microsoft.Playwright;

namespace ComparisonSite.Tests.Browser;

/// <summary>
/// The home page, the tag pages and an article's related comparisons in a real browser: axe finds nothing, a
/// 360 px phone never scrolls sideways, and with JavaScript off everything is there.
/// </summary>
[LongRunning(seconds: 120)]
public sealed class FrontBrowserTests(FrontBrowserFixture browser) : IClassFixture<FrontBrowserFixture>
{
    private const string Article = "/" + FrontSiteContent.Seed;

    public static TheoryData<string> Pages => ["/", "/tags", "/tags/python", Article];

    private static readonly BrowserNewContextOptions Phone = new()
    {
        ViewportSize = new ViewportSize { Width = 360, Height = 740 },
        IsMobile = true,
        BypassCSP = true,
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task At_360_pixels_axe_finds_nothing_and_nothing_overflows(string path)
    {
        var (page, problems) = await browser.OpenAsync(path, Phone);

        Assert.Empty(await BrowserFixture.AxeViolationsAsync(page));
        Assert.True(
            await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= 360"),
            $"{path} scrolls sideways at 360 px");
        Assert.Empty(problems);
    }

    [Fact]
    public async Task The_related_section_passes_axe_in_the_dark_theme_at_360_pixels()
    {
        var (page, problems) = await browser.OpenAsync(Article, new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 360, Height = 740 },
            IsMobile = true,
            BypassCSP = true,
            ColorScheme = ColorScheme.Dark,
        });
        await page.Locator("#related").ScrollIntoViewIfNeededAsync();

        Assert.Empty(await BrowserFixture.AxeViolationsAsync(page));
        var box = await page.Locator("#related").BoundingBoxAsync();
        Assert.True(box!.Width <= 360);
        Assert.Equal(3, await page.Locator("#related li").CountAsync());
        Assert.Empty(problems);
    }

    [Fact]
    public async Task With_javascript_off_the_home_page_shows_every_entry_headline_update_and_tag()
    {
        var (page, problems) = await browser.OpenAsync(
            "/", new BrowserNewContextOptions { JavaScriptEnabled = false });

        var entries = page.Locator(".comparison-list > li.comparison-entry");
        Assert.Equal(5, await entries.CountAsync());
        Assert.True(await page.Locator(".entry-headline a.figure").First.IsVisibleAsync());
        Assert.True(await page.Locator(".entry-meta a time").First.IsVisibleAsync());
        Assert.True(await page.Locator("#latest-data li a").First.IsVisibleAsync());
        Assert.True(await page.Locator("#tags .tag").First.IsVisibleAsync());
        Assert.Equal(0, await page.Locator("script[src]").CountAsync());
        Assert.Empty(problems);
    }
}
