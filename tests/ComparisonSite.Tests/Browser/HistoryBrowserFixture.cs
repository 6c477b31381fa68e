using ComparisonSite.Tests.Runs;

namespace ComparisonSite.Tests.Browser;

/// <summary>
/// As <see cref="BrowserFixture"/>, over a store that also holds two earlier measured runs (Fixtures/runs/), so
/// the data page draws trends. The runs are imported with the real verb before the site starts.
/// </summary>
public sealed class HistoryBrowserFixture : BrowserFixture
{
    protected override async Task PrepareAsync(string database)
    {
        var import = await SiteProcess.RunVerbAsync(
            database,
            "import",
            HistoryFixtures.File(HistoryFixtures.September),
            HistoryFixtures.File(HistoryFixtures.October));
        Assert.True(import.ExitCode == 0, import.Error);
    }
}
