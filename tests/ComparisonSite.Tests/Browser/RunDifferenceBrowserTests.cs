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
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = TestTools.Module("axe-core/axe.min.js") });

        var violations = await page.EvaluateAsync<JsonElement>(
            "async () => (await axe.run(document)).violations"
            + ".map(v => `${v.id}: ${v.help} (${v.nodes.length})`)");

        Assert.Empty(violations.EnumerateArray().Select(v => v.GetString()));
        Assert.Empty(problems);
    }

    [Fact]
    public async Task Without_javascript_the_picker_leads_to_the_other_pairs_one_address()
    {
        var (page, problems) = await OpenAsync(new BrowserNewContextOptions { JavaScriptEnabled = false });

        await page.SelectOptionAsync("#run-a", "measured-2026-11-27");
        await page.SelectOptionAsync("#run-b", "bytepulse-2026-03");
        await page.ClickAsync("form.run-picker button[type=submit]");
        await page.WaitForURLAsync(browser.Site.BaseUrl + Slug + "/runs/measured-2026-11-27/vs/bytepulse-2026-03");

        Assert.StartsWith("What changed from run", await page.TextContentAsync("h1"), StringComparison.Ordinal);
        Assert.Empty(problems);
    }

    private async Task<(IPage Page, List<string> Problems)> OpenAsync(BrowserNewContextOptions options)
    {
        var context = await browser.Browser.NewContextAsync(options);
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                problems.Add($"console {message.Type}: {message.Text}");
            }
        };
        page.PageError += (_, error) => problems.Add($"page error: {error}");
        page.RequestFailed += (_, request) => problems.Add($"request failed: {request.Url} {request.Failure}");
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                problems.Add($"HTTP {response.Status}: {response.Url}");
            }
        };
        var response = await page.GotoAsync(
            browser.Site.BaseUrl + Difference,
            new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        Assert.Equal(200, response!.Status);
        return (page, problems);
    }
}
