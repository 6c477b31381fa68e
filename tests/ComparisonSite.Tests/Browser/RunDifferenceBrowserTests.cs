using Microsoft.Playwright;

namespace ComparisonSite.Tests.Browser;

/// <summary>
/// The difference between the seed's two runs (the source's reported run and our measured one) in a real browser:
/// no errors, nothing wider than a phone, the dark theme, axe, and the picker working as a plain form.
/// </summary>
public sealed class RunDifferenceBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Slug = "/fastapi-vs-django-vs-flask";
    private const string Difference = Slug + "/runs/bytepulse-2026-03/vs/measured-2026-11-27";

    [Fact]
    public async Task At_360_pixels_in_the_dark_theme_nothing_overflows_and_nothing_fails()
    {
        var (page, problems) = await OpenAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 360, Height = 740 },
            IsMobile = true,
            ColorScheme = ColorScheme.Dark,
        });

        Assert.True(
            await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= 360"),
            "the page scrolls sideways at 360 px");
        Assert.Equal(
            "rgb(15, 19, 23)",
            await page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor"));
        Assert.True(await page.Locator("table.run-changes").CountAsync() > 0);
        Assert.True(await page.EvaluateAsync<bool>(
            "() => [...document.querySelectorAll('.table-scroll')]"
            + ".every(b => b.getBoundingClientRect().width <= 360)"));
        Assert.Empty(problems);
    }

    [Fact]
    public async Task Axe_finds_no_accessibility_violations()
    {
        // The page's CSP rightly refuses injected scripts; the audit tool alone is let in.
        var (page, problems) = await OpenAsync(new BrowserNewContextOptions { BypassCSP = true });
        Assert.Empty(await BrowserFixture.AxeViolationsAsync(page));
        Assert.Empty(problems);
    }

    [Fact]
    public async Task Without_javascript_the_picker_leads_to_the_other_pairs_one_address()
    {
        var (page, problems) = await OpenAsync(new BrowserNewContextOptions { JavaScriptEnabled = false });

        await page.SelectOptionAsync("#run-a", "measured-2026-11-27");
        await page.SelectOptionAsync("#run-b", "bytepulse-2026-03");
        await page.ClickAsync("form.run-picker button[type=submit]");
        // Waiting on the heading itself, not on a load state: with scripts off the headless shell once left the
        // load event (and once even DOMContentLoaded) of this redirect pending for 30 s, the page already there.
        // The heading of the other order: the page it left says "from run bytepulse-2026-03".
        await page.Locator("h1", new PageLocatorOptions
        {
            HasTextString = "What changed from run measured-2026-11-27 to run bytepulse-2026-03",
        }).WaitForAsync();

        Assert.Equal(browser.Site.BaseUrl + Slug + "/runs/measured-2026-11-27/vs/bytepulse-2026-03", page.Url);
        Assert.Empty(problems);
    }

    private Task<(IPage Page, List<string> Problems)> OpenAsync(BrowserNewContextOptions options) =>
        browser.OpenAsync(Difference, options);
}
