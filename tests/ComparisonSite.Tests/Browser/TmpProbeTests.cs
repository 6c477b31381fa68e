using Microsoft.Playwright;
using Xunit.Abstractions;

namespace ComparisonSite.Tests.Browser;

public sealed class TmpProbeTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/fastapi-vs-django-vs-flask")]
    [InlineData("/fastapi-vs-django-vs-flask/data")]
    [InlineData("/fastapi-vs-django-vs-flask/runs/measured-2026-11-27")]
    [InlineData("/fastapi-vs-django-vs-flask/runs/bytepulse-2026-03")]
    [InlineData("/fastapi-vs-django-vs-flask/runs/bytepulse-2026-03/vs/measured-2026-11-27")]
    [InlineData("/fastapi-vs-django-vs-flask/cost")]
    [InlineData("/search?q=fastapi")]
    public async Task Probe(string path)
    {
        var (page, _) = await browser.OpenAsync(path, new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 360, Height = 740 }, IsMobile = true,
        }, 200);
        await page.EvaluateAsync("() => document.querySelectorAll('.article-section').forEach(s => s.style.contentVisibility = 'visible')");
        var rows = await page.EvaluateAsync<string[]>("""
            () => [`page ${document.documentElement.scrollWidth}`, ...[...document.querySelectorAll('.table-scroll, table')]
              .filter(b => b.scrollWidth > b.clientWidth + 1 || b.getBoundingClientRect().right > innerWidth + 0.5)
              .map(b => `${b.tagName}.${b.className} ${b.scrollWidth}/${b.clientWidth} ${(b.getAttribute('aria-label') || b.querySelector('caption')?.textContent || '').slice(0, 70)}`)]
            """);
        output.WriteLine(path);
        foreach (var r in rows) output.WriteLine("  " + r);
    }
}
