using Microsoft.Playwright;

namespace ComparisonSite.Tests.Browser;

/// <summary>
/// The live preview in a real browser, against the site in Development on a private copy of the content: a save
/// shows in the open page without a manual reload, at the same scroll position, and a broken reference brings the
/// problems panel up until it is fixed. The reference catalogue's filter and copy buttons, on the same site.
/// </summary>
public sealed class LivePreviewBrowserTests : IAsyncLifetime
{
    private const string Article = "/fastapi-vs-django-vs-flask";
    private readonly PostgresFixture _postgres = new();
    private readonly string _content = FixturePaths.CopyToTemp(SiteFactory.RepositoryContent);
    private SiteServer? _site;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task InitializeAsync()
    {
        await _postgres.InitializeAsync();
        _site = await SiteServer.StartAsync(
            await _postgres.CreateSeededDatabaseAsync(),
            new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["Content__Path"] = _content,
            });
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = TestTools.HeadlessShell,
            Headless = true,
            Args =
            [
                .. TestTools.ChromiumFlags.Split(' ')
                    .Where(f => !f.StartsWith("--headless", StringComparison.Ordinal)),
            ],
        });
    }

    [Fact]
    public async Task A_save_reloads_the_open_page_in_place_and_the_problems_panel_comes_and_goes()
    {
        var page = await _browser!.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        // The event stream never goes idle: wait for the load, not for a quiet network.
        await page.GotoAsync(_site!.BaseUrl + Article, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        await page.EvaluateAsync("() => { window.scrollTo(0, 1500); window.notReloaded = true; }");
        var scrolled = await page.EvaluateAsync<double>("() => window.scrollY");
        Assert.True(scrolled > 1000, $"the article is too short to scroll ({scrolled})");
        Assert.Null(await page.QuerySelectorAsync("#content-problems"));

        var speed = Path.Combine(_content, "fastapi-vs-django-vs-flask", "03-speed.md");
        var original = await File.ReadAllTextAsync(speed);
        var saved = Stopwatch.StartNew();
        await File.WriteAllTextAsync(speed, original.Replace(
            "### Our own measurement beside the source's", "### Our own measurement, saved a moment ago",
            StringComparison.Ordinal));

        await page.WaitForFunctionAsync(
            "() => document.body.textContent.includes('Our own measurement, saved a moment ago')",
            null, new PageWaitForFunctionOptions { Timeout = 5000 });
        Assert.True(saved.Elapsed < TimeSpan.FromSeconds(5));
        Assert.False(await page.EvaluateAsync<bool>("() => window.notReloaded === true"), "the page was not reloaded");
        await page.WaitForFunctionAsync($"() => Math.abs(window.scrollY - {scrolled}) < 2",
            null, new PageWaitForFunctionOptions { Timeout = 3000 });

        // A reference missing its metric: the loader refuses the file and the panel names it.
        await File.WriteAllTextAsync(speed, original + "\nA broken figure: {{value fastapi json}}.\n");
        var panel = await page.WaitForSelectorAsync(
            "#content-problems", new PageWaitForSelectorOptions { Timeout = 5000 });
        Assert.Contains("03-speed.md", await panel!.TextContentAsync(), StringComparison.Ordinal);
        Assert.NotNull(await page.QuerySelectorAsync("#content-problems a[href='/_editor/references']"));

        await File.WriteAllTextAsync(speed, original);
        await page.WaitForSelectorAsync(
            "#content-problems",
            new PageWaitForSelectorOptions { State = WaitForSelectorState.Detached, Timeout = 5000 });
        Assert.Empty(errors);
    }

    [Fact]
    public async Task The_catalogue_filters_as_the_editor_types_without_breaking_its_policy()
    {
        var (page, errors) = await OpenCatalogueAsync(await _browser!.NewContextAsync());
        var all = await page.Locator("tr.catalogue-snippet").CountAsync();

        await page.FillAsync("#catalogue-filter", "p99 ranking");

        var shown = await page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('tr.catalogue-snippet')].filter(r => !r.hidden)"
            + ".map(r => r.querySelector('code.snippet').textContent)");
        Assert.Equal(
            [
                "{{ranking db p99}}", "{{ranking json p99}}", "{{ranking serialization-c16 p99}}",
                "{{ranking single-query-c16 p99}}",
            ],
            shown);
        Assert.True(all > 50, $"only {all} snippets listed");
        Assert.True(await page.IsVisibleAsync("tr.catalogue-snippet:not([hidden]) button.copy >> nth=0"));
        Assert.Empty(errors);
    }

    [Fact]
    public async Task A_catalogue_copy_button_copies_its_reference_or_shows_it_selected_when_the_clipboard_refuses()
    {
        var context = await _browser!.NewContextAsync();
        await context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        var (page, errors) = await OpenCatalogueAsync(context);
        var reference = await page.Locator("tr.catalogue-snippet code.snippet").First.TextContentAsync();

        await page.Locator("tr.catalogue-snippet button.copy").First.ClickAsync();
        await page.WaitForFunctionAsync(
            "() => document.querySelector('tr.catalogue-snippet button.copy').textContent === 'Copied'");
        Assert.Equal(reference, await page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));

        // The same click where the browser refuses the clipboard (clipboard.js's one fallback).
        var (refusing, refusingErrors) = await OpenCatalogueAsync(
            await _browser.NewContextAsync(),
            "navigator.clipboard.writeText = () => Promise.reject(new DOMException('refused', 'NotAllowedError'));");
        await refusing.Locator("tr.catalogue-snippet button.copy").First.ClickAsync();
        var field = refusing.Locator("tr.catalogue-snippet textarea.copy-fallback");
        await field.WaitForAsync();
        Assert.Equal(reference, await field.InputValueAsync());
        Assert.True(await refusing.EvaluateAsync<bool>(
            "() => { const f = document.activeElement; return f.classList.contains('copy-fallback')"
            + " && f.selectionStart === 0 && f.selectionEnd === f.value.length; }"));
        Assert.Equal("Copy", await refusing.Locator("tr.catalogue-snippet button.copy").First.TextContentAsync());
        Assert.Empty(errors);
        Assert.Empty(refusingErrors);
    }

    private async Task<(IPage Page, List<string> Errors)> OpenCatalogueAsync(
        IBrowserContext context, string? initScript = null)
    {
        var page = await context.NewPageAsync();
        if (initScript is not null)
        {
            await page.AddInitScriptAsync(initScript);
        }

        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        await page.GotoAsync(
            _site!.BaseUrl + "/_editor/references", new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        return (page, errors);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_site is not null)
        {
            await _site.DisposeAsync();
        }

        await _postgres.DisposeAsync();
        Directory.Delete(_content, recursive: true);
    }
}
