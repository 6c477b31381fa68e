using Microsoft.Playwright;

namespace ComparisonSite.Tests.Browser;

/// <summary>
/// The cost calculator in a real browser: typing updates the figures exactly as the server computes them (the page
/// script mirrors ServerCostCalculator), the input lives in the address and comes back from it, bad input gets a
/// message and no NaN, the form works without JavaScript; axe and a 360 px phone.
/// </summary>
[LongRunning(seconds: 190)]
public sealed class CalculatorBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Article = "/fastapi-vs-django-vs-flask";
    private const string Cost = Article + "/cost";

    [Theory]
    [InlineData("1000000000", "3", "0.7")]
    [InlineData("86400000", "1.4", "0.7")]
    [InlineData("123456789", "2.5", "0.33")]
    [InlineData("100000000000", "100", "0.01")]
    [InlineData("1", "1", "1")]
    public async Task Typing_updates_the_figures_as_the_server_computes_them_and_the_address_keeps_the_input(
        string requests, string peak, string headroom)
    {
        var (page, problems) = await browser.OpenAsync(Article);

        await page.FillAsync("#calculator-peak", peak);
        await page.FillAsync("#calculator-headroom", headroom);
        await page.FillAsync("#calculator-requests", requests);

        var query = $"?requests={requests}&peak={peak}&headroom={headroom}";
        Assert.Equal(browser.Site.BaseUrl + Article + query, await LocationAsync(page));
        Assert.Equal(await ServerResultAsync(query), await BrowserResultAsync(page));
        Assert.Empty(problems);
    }

    [Fact]
    public async Task Loading_an_address_with_input_restores_it_and_its_result()
    {
        const string query = "?requests=5000000000&peak=2&headroom=0.5";
        var (page, problems) = await browser.OpenAsync(Article + query);

        Assert.Equal("5000000000", await page.InputValueAsync("#calculator-requests"));
        Assert.Equal("2", await page.InputValueAsync("#calculator-peak"));
        Assert.Equal("0.5", await page.InputValueAsync("#calculator-headroom"));
        Assert.Equal(await ServerResultAsync(query), await BrowserResultAsync(page));
        Assert.Empty(problems);
    }

    [Theory]
    [InlineData("#calculator-requests", "abc", "digits only")]
    [InlineData("#calculator-requests", "-5", "digits only")]
    [InlineData("#calculator-requests", "", "is empty")]
    [InlineData("#calculator-requests", "0", "at least 1")]
    [InlineData("#calculator-requests", "999999999999999", "at most 100,000,000,000")]
    [InlineData("#calculator-peak", "1e309", "plain number")]
    [InlineData("#calculator-headroom", "0", "above 0 and at most 1")]
    [InlineData("#calculator-headroom", "1.5", "above 0 and at most 1")]
    public async Task Bad_input_shows_a_message_at_the_field_and_keeps_the_last_good_result(
        string field, string value, string message)
    {
        var (page, problems) = await browser.OpenAsync(Article);
        await page.FillAsync("#calculator-requests", "1000000000");
        var good = await BrowserResultAsync(page);

        await page.FillAsync(field, value);

        var note = page.Locator(field + "-message");
        Assert.True(await note.IsVisibleAsync());
        Assert.Contains(message, await note.TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal("true", await page.GetAttributeAsync(field, "aria-invalid"));
        Assert.Equal(good, await BrowserResultAsync(page));
        Assert.DoesNotContain("NaN", await page.TextContentAsync("[data-calculator]"), StringComparison.Ordinal);
        Assert.DoesNotContain("Infinity", await page.TextContentAsync("[data-calculator]"), StringComparison.Ordinal);
        Assert.EndsWith(
            "?requests=1000000000&peak=3&headroom=0.7", await LocationAsync(page), StringComparison.Ordinal);
        Assert.Empty(problems);
    }

    [Fact]
    public async Task Without_javascript_the_form_sends_to_the_cost_page_which_shows_the_result()
    {
        var (page, problems) = await browser.OpenAsync(
            Article, new BrowserNewContextOptions { JavaScriptEnabled = false });

        await page.FillAsync("#calculator-requests", "2000000000");
        await page.FillAsync("#calculator-peak", "4");
        await page.ClickAsync("[data-calculator] button[type=submit]");
        const string query = "?requests=2000000000&peak=4&headroom=0.7";
        await BrowserFixture.ArrivedAtAsync(page, browser.Site.BaseUrl + Cost + query);

        Assert.Equal(await ServerResultAsync(query), await BrowserResultAsync(page));
        Assert.Equal("Server cost at your traffic", await page.TextContentAsync("h1"));
        Assert.Empty(problems);
    }

    [Theory]
    [InlineData(Article)]
    [InlineData(Cost + "?requests=1000000000&peak=3&headroom=0.7")]
    public async Task Axe_finds_no_accessibility_violations(string path)
    {
        var (page, problems) = await browser.OpenAsync(path, new BrowserNewContextOptions { BypassCSP = true });

        Assert.Empty(await BrowserFixture.AxeViolationsAsync(page));
        Assert.Empty(problems);
    }

    [Fact]
    public async Task The_refused_input_page_passes_axe_too()
    {
        var (page, _) = await browser.OpenAsync(
            Cost + "?requests=abc&peak=3&headroom=0.7", new BrowserNewContextOptions { BypassCSP = true }, 400);

        Assert.Empty(await BrowserFixture.AxeViolationsAsync(page));
        Assert.True(await page.Locator("#calculator-requests-message").IsVisibleAsync());
    }

    [Theory]
    [InlineData(Article)]
    [InlineData(Cost + "?requests=100000000000&peak=100&headroom=0.01")]
    public async Task At_360_pixels_nothing_overflows(string path)
    {
        var (page, problems) = await browser.OpenAsync(path, new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 360, Height = 740 },
            IsMobile = true,
        });

        Assert.True(
            await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= 360"),
            "the page scrolls sideways at 360 px");
        Assert.True(await page.EvaluateAsync<bool>(
            "() => [...document.querySelectorAll('[data-calculator] input, [data-calculator] .table-scroll')]"
            + ".every(e => e.getBoundingClientRect().right <= 360)"));
        Assert.Empty(problems);
    }

    // The address as the page has it now (replaceState), not as the driver last saw it navigate.
    private static Task<string> LocationAsync(IPage page) => page.EvaluateAsync<string>("() => location.href");

    // The summary and every row (name, servers, cost) as the browser shows them now.
    private static async Task<string> BrowserResultAsync(IPage page) =>
        await page.EvaluateAsync<string>(
            "() => { const c = document.querySelector('[data-calculator]');"
            + " return [c.querySelector('.calculator-summary').textContent,"
            + " ...[...c.querySelectorAll('tbody tr')].map(r => [...r.cells].map(x => x.textContent).join(' | '))]"
            + ".join('\\n'); }");

    // The same, as the server renders it for that canonical query (ServerCostCalculator's numbers).
    private async Task<string> ServerResultAsync(string query)
    {
        using var client = new HttpClient();
        using var response = await client.GetAsync(browser.Site.BaseUrl + Cost + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var calculator = (await SiteFactory.ParseAsync(response)).QuerySelector("[data-calculator]")!;
        var rows = calculator.QuerySelectorAll("tbody tr")
            .Select(r => string.Join(" | ", r.Children.Select(c => c.TextContent)));
        return string.Join('\n', rows.Prepend(calculator.QuerySelector(".calculator-summary")!.TextContent));
    }
}
