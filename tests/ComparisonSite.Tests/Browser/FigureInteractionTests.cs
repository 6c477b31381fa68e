using Microsoft.Playwright;

namespace ComparisonSite.Tests.Browser;

/// <summary>
/// What a reader does with the figures in a real browser (figures.js): sort a table by mouse and keyboard, hide
/// frameworks across the page with the choice in the address, copy a figure's link, and embed a figure in a page of
/// another origin, which the article itself refuses.
/// </summary>
[LongRunning(seconds: 160)]
public sealed class FigureInteractionTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Article = "/fastapi-vs-django-vs-flask";
    private const string Chart = "figure#chart-json-rps-db-rps";

    private static Task<string[]> RowsAsync(IPage page, string figure) =>
        page.EvaluateAsync<string[]>(
            "f => [...document.querySelectorAll(f + ' table tbody tr')].map(r => r.dataset.framework)", figure);

    private static Task<string?> SortOfAsync(IPage page, int column) =>
        page.GetAttributeAsync($"{Chart} table thead th:nth-child({column + 1})", "aria-sort");

    /// <summary>The address as the page has it now (Playwright's <c>Url</c> may lag a replaceState).</summary>
    private static Task<string> AddressAsync(IPage page) => page.EvaluateAsync<string>("() => location.href");

    /// <summary>What the page tells the charts is hidden (the contract with the chart script).</summary>
    private static Task<string?> HiddenAsync(IPage page) =>
        page.EvaluateAsync<string?>("() => document.documentElement.dataset.hiddenFrameworks ?? null");

    [Fact]
    public async Task Sorting_by_mouse_and_keyboard_orders_rows_sets_aria_sort_and_a_third_press_restores()
    {
        var (page, problems) = await browser.OpenAsync(Article);
        var server = await RowsAsync(page, Chart);
        var values = await page.EvaluateAsync<Dictionary<string, double>>(
            "f => Object.fromEntries([...document.querySelectorAll(f + ' tbody tr')].map(r => "
            + "[r.dataset.framework, Number(r.cells[1].querySelector('data').value)]))",
            Chart);
        var ascending = values.OrderBy(v => v.Value).Select(v => v.Key).ToArray();
        var button = page.Locator($"{Chart} table thead th:nth-child(2) button");

        Assert.Equal(["fastapi", "django", "flask"], server);
        Assert.Equal(0, await page.Locator($"{Chart} table thead th:first-child button").CountAsync());
        await button.ClickAsync();
        Assert.Equal(ascending, await RowsAsync(page, Chart));
        Assert.Equal("ascending", await SortOfAsync(page, 1));

        await button.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal(ascending.Reverse(), await RowsAsync(page, Chart));
        Assert.Equal("descending", await SortOfAsync(page, 1));
        Assert.Null(await SortOfAsync(page, 2));

        await page.Keyboard.PressAsync("Space");
        Assert.Equal(server, await RowsAsync(page, Chart));
        Assert.Null(await SortOfAsync(page, 1));

        // Another column sorts by its own numbers, and only one header says it is sorted.
        await page.ClickAsync($"{Chart} table thead th:nth-child(3) button");
        Assert.Equal("ascending", await SortOfAsync(page, 2));
        Assert.Null(await SortOfAsync(page, 1));
        Assert.Empty(problems);
    }

    [Fact]
    public async Task Tables_with_a_row_per_metric_get_no_sort_buttons()
    {
        var (page, problems) = await browser.OpenAsync(Article);

        Assert.True(await page.Locator("table[data-rows='metrics']").CountAsync() > 0);
        Assert.Equal(0, await page.Locator("table[data-rows='metrics'] button").CountAsync());
        Assert.Empty(problems);
    }

    [Fact]
    public async Task Filtering_hides_rows_and_columns_everywhere_updates_the_address_and_tells_the_charts()
    {
        var (page, problems) = await browser.OpenAsync(Article);
        await page.EvaluateAsync(
            "() => document.addEventListener('figures:filter', e => { window.filterEvents = (window.filterEvents "
            + "|| []).concat([e.detail.hidden.join(' ')]); })");
        var filter = page.Locator("fieldset.framework-filter");

        Assert.Equal(
            ["FastAPI", "Django", "Flask"],
            (await filter.Locator("label").AllTextContentsAsync()).Select(t => t.Trim()));
        await filter.GetByLabel("Django").UncheckAsync();

        Assert.EndsWith($"{Article}?hide=django", await AddressAsync(page), StringComparison.Ordinal);
        Assert.Equal("django", await HiddenAsync(page));
        Assert.Equal(["django"], await page.EvaluateAsync<string[]>("() => window.filterEvents"));
        Assert.False(await page.Locator($"{Chart} tr[data-framework='django']").IsVisibleAsync());
        Assert.True(await page.Locator($"{Chart} tr[data-framework='flask']").IsVisibleAsync());
        var columns = page.Locator("table[data-rows='metrics'] [data-framework='django']");
        Assert.True(await columns.CountAsync() > 0);
        foreach (var cell in await columns.AllAsync())
        {
            Assert.False(await cell.IsVisibleAsync());
        }


        // By keyboard: the last framework shown cannot be hidden.
        await filter.GetByLabel("Flask").FocusAsync();
        await page.Keyboard.PressAsync("Space");
        Assert.EndsWith($"{Article}?hide=django,flask", await AddressAsync(page), StringComparison.Ordinal);
        Assert.True(await filter.GetByLabel("FastAPI").IsDisabledAsync());
        Assert.True(await filter.GetByLabel("FastAPI").IsCheckedAsync());

        await filter.GetByLabel("Django").CheckAsync();
        await filter.GetByLabel("Flask").CheckAsync();
        Assert.EndsWith(Article, await AddressAsync(page), StringComparison.Ordinal);
        Assert.True(await page.Locator($"{Chart} tr[data-framework='django']").IsVisibleAsync());
        Assert.Null(await HiddenAsync(page));
        Assert.Empty(problems);
    }

    [Fact]
    public async Task A_shared_address_restores_the_view_ignoring_unknown_frameworks_and_keeping_one_shown()
    {
        var (page, problems) =
            await browser.OpenAsync(Article + "?hide=flask,no-such-framework#chart-json-rps-db-rps");

        Assert.False(await page.Locator($"{Chart} tr[data-framework='flask']").IsVisibleAsync());
        Assert.True(await page.Locator($"{Chart} tr[data-framework='django']").IsVisibleAsync());
        Assert.False(await page.Locator("fieldset.framework-filter").GetByLabel("Flask").IsCheckedAsync());
        Assert.Equal("flask", await HiddenAsync(page));

        var (all, allProblems) = await browser.OpenAsync(Article + "?hide=fastapi,django,flask");
        Assert.True(await all.Locator($"{Chart} tr[data-framework='fastapi']").IsVisibleAsync());
        Assert.False(await all.Locator($"{Chart} tr[data-framework='django']").IsVisibleAsync());
        Assert.Empty(problems);
        Assert.Empty(allProblems);
    }

    [Fact]
    public async Task Copy_link_puts_the_figures_address_with_the_filter_on_the_clipboard()
    {
        var (page, problems) = await browser.OpenAsync(Article);
        await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        await page.Locator("fieldset.framework-filter").GetByLabel("Django").UncheckAsync();

        var copy = page.Locator($"{Chart} button.figure-copy");
        await copy.ClickAsync();
        await page.WaitForFunctionAsync(
            "f => document.querySelector(f + ' button.figure-copy').textContent === 'Copied'", Chart);

        Assert.Equal(
            $"{browser.Site.BaseUrl}{Article}?hide=django#chart-json-rps-db-rps",
            await page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));
        Assert.Equal(
            "#chart-json-rps-db-rps", await page.GetAttributeAsync($"{Chart} a.figure-anchor", "href"));
        Assert.Empty(problems);
    }

    [Fact]
    public async Task The_embed_control_shows_an_iframe_snippet_of_the_embed_page()
    {
        var (page, problems) = await browser.OpenAsync(Article);

        var toggle = page.Locator($"{Chart} button.figure-embed-toggle");
        await toggle.ClickAsync();
        var code = await page.InputValueAsync("#chart-json-rps-db-rps-embed textarea");

        Assert.Equal("true", await toggle.GetAttributeAsync("aria-expanded"));
        Assert.StartsWith(
            $"<iframe src=\"{browser.Site.BaseUrl}{Article}/figures/chart-json-rps-db-rps\"",
            code,
            StringComparison.Ordinal);
        Assert.Contains("title=\"Requests per second (req/s, higher is better)\"", code, StringComparison.Ordinal);
        Assert.Empty(problems);
    }

    [Fact]
    public async Task The_embed_page_renders_in_a_frame_of_another_origin_and_the_article_does_not()
    {
        var context = await browser.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        page.PageError += (_, error) => problems.Add(error);
        // Another loopback origin (a second listener, another port) whose page frames the embed page and article.
        var port = Loopback.FreePort();
        var host = $"http://127.0.0.1:{port}/host.html";
        var embed = $"{browser.Site.BaseUrl}{Article}/figures/chart-json-rps-db-rps";
        var article = browser.Site.BaseUrl + Article;
        using var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        var serving = Task.Run(async () =>
        {
            var request = await listener.GetContextAsync();
            var body = Encoding.UTF8.GetBytes(
                $"<!DOCTYPE html><title>host</title><iframe id=e src=\"{embed}\"></iframe>"
                + $"<iframe id=a src=\"{article}\"></iframe>");
            request.Response.ContentType = "text/html; charset=utf-8";
            await request.Response.OutputStream.WriteAsync(body);
            request.Response.Close();
        });

        await page.GotoAsync(host, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        var embedded = page.FrameLocator("#e");
        var refused = await (await page.QuerySelectorAsync("#a"))!.ContentFrameAsync();

        await serving;
        Assert.Equal(1, await embedded.Locator("figure#chart-json-rps-db-rps").CountAsync());
        Assert.Equal(
            $"{Article}#chart-json-rps-db-rps",
            await embedded.Locator(".embed-source a").GetAttributeAsync("href"));
        Assert.Equal(0, await page.FrameLocator("#a").Locator("article").CountAsync());
        Assert.NotEqual(article, refused?.Url);
        Assert.Empty(problems);
        await context.CloseAsync();
    }

    [Theory]
    [InlineData(Article)]
    [InlineData(Article + "/figures/chart-json-rps-db-rps")]
    public async Task Axe_finds_no_violations_with_the_controls_in_use(string path)
    {
        var (page, problems) = await browser.OpenAsync(path, new BrowserNewContextOptions { BypassCSP = true });
        if (path == Article)
        {
            await page.Locator("fieldset.framework-filter").GetByLabel("Flask").UncheckAsync();
            await page.ClickAsync($"{Chart} table thead th:nth-child(2) button");
            await page.ClickAsync($"{Chart} button.figure-embed-toggle");
        }

        Assert.Empty(await BrowserFixture.AxeViolationsAsync(page));
        Assert.Empty(problems);
    }

    [Fact]
    public async Task With_javascript_off_every_number_shows_whatever_the_address_hides()
    {
        var (page, problems) = await browser.OpenAsync(
            Article + "?hide=django,flask", new BrowserNewContextOptions { JavaScriptEnabled = false });

        var numbers = page.Locator("figure table data");
        Assert.True(await numbers.CountAsync() > 20);
        foreach (var number in await numbers.AllAsync())
        {
            Assert.True(await number.IsVisibleAsync());
        }

        Assert.Equal(0, await page.Locator("fieldset.framework-filter, button.sort-button").CountAsync());
        Assert.True(await page.Locator($"{Chart} a.figure-anchor").IsVisibleAsync());
        Assert.Empty(problems);
    }
}
