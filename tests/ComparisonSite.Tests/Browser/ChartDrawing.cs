using Microsoft.Playwright;

namespace ComparisonSite.Tests.Browser;

/// <summary>
/// Charts arrive as server-drawn SVG and Chart.js loads only when a reader scrolls to a chart or touches it: tests
/// that read Chart.js's charts first scroll like a reader to each one.
/// </summary>
internal static class ChartDrawing
{
    private const string TwoFrames =
        "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))";

    /// <summary>Every figure's chart as Chart.js drew it, once the reader has scrolled to each.</summary>
    public const string AllDrawn = "() => typeof Chart !== 'undefined' && [...document.querySelectorAll("
        + "'figure[data-chart]')].every(f => Chart.getChart(f.querySelector('canvas')))";

    public static async Task DrawAllAsync(IPage page)
    {
        await page.Mouse.MoveAsync(1, 1);
        await page.Mouse.WheelAsync(0, 120);
        await page.EvaluateAsync(TwoFrames);
        foreach (var figure in await page.Locator("figure[data-chart]").AllAsync())
        {
            await figure.EvaluateAsync("figure => figure.scrollIntoView({ block: 'center' })");
            await page.EvaluateAsync(TwoFrames);
        }

        await page.WaitForFunctionAsync(AllDrawn, null, new PageWaitForFunctionOptions { Timeout = 15_000 });
    }
}
