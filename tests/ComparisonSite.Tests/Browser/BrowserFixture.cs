using Microsoft.Playwright;

namespace ComparisonSite.Tests.Browser;

/// <summary>
/// Debian's Chromium driven by Playwright for .NET (launched by its executable path: nothing is downloaded),
/// against the real site on a loopback port. A missing browser fails the tests with the install command.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
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
        Site = await SiteServer.StartAsync(await _postgres.CreateDatabaseAsync());
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = TestTools.Chromium,
            Headless = true,
            Args = TestTools.ChromiumFlags
                .Split(' ')
                .Where(f => !f.StartsWith("--headless", StringComparison.Ordinal))
                .ToArray(),
        });
        Directory.CreateDirectory(ScreenshotFolder);
    }

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
