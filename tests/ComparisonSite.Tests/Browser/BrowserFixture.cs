using Microsoft.Playwright;

namespace ComparisonSite.Tests.Browser;

/// <summary>
/// Debian's Chromium driven by Playwright for .NET (launched by its executable path: nothing is downloaded),
/// against the real site on a loopback port. A missing browser fails the tests with the install command.
/// </summary>
public class BrowserFixture : IAsyncLifetime
{
    private PostgresFixture? _postgres;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public SiteServer Site { get; private set; } = null!;

    /// <summary>Where screenshots go: $SCREENSHOTS_DIR, or TestResults/screenshots beside the test assembly.</summary>
    public string ScreenshotFolder { get; } =
        Environment.GetEnvironmentVariable("SCREENSHOTS_DIR") is { Length: > 0 } folder
            ? folder
            : Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    public async Task InitializeAsync()
    {
        _postgres = new PostgresFixture();
        await _postgres.InitializeAsync();
        var database = await _postgres.CreateSeededDatabaseAsync();
        await PrepareAsync(database);
        Site = await SiteServer.StartAsync(database, SiteEnvironment);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = TestTools.HeadlessShell,
            Headless = true,
            Args = TestTools.ChromiumFlags
                .Split(' ')
                .Where(f => !f.StartsWith("--headless", StringComparison.Ordinal))
                .ToArray(),
        });
        Directory.CreateDirectory(ScreenshotFolder);
    }

    /// <summary>
    /// Opens a page of the site in a fresh browser context and checks its status, collecting on the way every
    /// console error or warning, page error, failed request and 4xx/5xx answer: a test asserts the list is empty.
    /// </summary>
    public async Task<(IPage Page, List<string> Problems)> OpenAsync(
        string path, BrowserNewContextOptions? options = null, int status = 200)
    {
        var context = await Browser.NewContextAsync(options ?? new BrowserNewContextOptions());
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
            Site.BaseUrl + path, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        Assert.Equal(status, response!.Status);
        return (page, problems);
    }

    /// <summary>
    /// Waits until a navigation the test started (a form sent, a link followed) has arrived at <paramref name="url"/>
    /// and its document is parsed. Not its load event: that waits for every subresource too, and on a busy CI
    /// machine it once stayed unfired past Playwright's 30 s. The tests read the document, which is all there.
    /// </summary>
    public static Task ArrivedAtAsync(IPage page, string url) =>
        page.WaitForURLAsync(url, new PageWaitForURLOptions { WaitUntil = WaitUntilState.DOMContentLoaded });

    /// <summary>
    /// Lays out every section of the page, for a test that measures it: sections off screen on a wide screen are laid
    /// out only when the reader comes near them (<c>content-visibility: auto</c>), and report no real size before.
    /// </summary>
    public static Task LayOutEverySectionAsync(IPage page) =>
        page.EvaluateAsync("""
            () => document.querySelectorAll('.article-section').forEach(s => s.style.contentVisibility = 'visible')
            """);

    /// <summary>
    /// axe-core's violations on an open page, each as "id: help (the offending markup, shortened)". Open the page
    /// with <c>BypassCSP</c>: its policy rightly refuses injected scripts, and the audit tool alone is let in.
    /// </summary>
    public static async Task<List<string>> AxeViolationsAsync(IPage page)
    {
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = TestTools.Module("axe-core/axe.min.js") });
        var violations = await page.EvaluateAsync<JsonElement>(
            "async () => (await axe.run(document)).violations"
            + ".map(v => `${v.id}: ${v.help} (${v.nodes.map(n => n.html.slice(0, 160)).join(' | ')})`)");
        return [.. violations.EnumerateArray().Select(v => v.GetString()!)];
    }

    /// <summary>Environment variables for the site beyond the defaults (another content folder, say).</summary>
    protected virtual IReadOnlyDictionary<string, string>? SiteEnvironment => null;

    /// <summary>What a fixture puts in the store before the site starts: nothing beyond the seed here.</summary>
    protected virtual Task PrepareAsync(string database) => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (Site is not null)
        {
            await Site.DisposeAsync();
        }

        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
    }
}
