using ComparisonSite.Tests.History;
using Microsoft.Playwright;

namespace ComparisonSite.Tests.Browser;

/// <summary>
/// As <see cref="BrowserFixture"/>, over a store that also holds two earlier measured runs (Fixtures/runs/), so
/// the data page draws trends. The runs are imported with the real verb before the site starts.
/// </summary>
public sealed class HistoryBrowserFixture : IAsyncLifetime
{
    private PostgresFixture? _postgres;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public SiteServer Site { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _postgres = new PostgresFixture();
        await _postgres.InitializeAsync();
        var database = await _postgres.CreateDatabaseAsync();
        var import = await SiteProcess.RunVerbAsync(
            database,
            "import",
            HistoryFixtures.File(HistoryFixtures.September),
            HistoryFixtures.File(HistoryFixtures.October));
        Assert.True(import.ExitCode == 0, import.Error);
        Site = await SiteServer.StartAsync(database);
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
