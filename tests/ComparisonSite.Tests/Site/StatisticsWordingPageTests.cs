using AngleSharp.Dom;

namespace ComparisonSite.Tests.Site;

/// <summary>
/// The interval wording in an article's own sentences on the real site (issue 29): an article over the noise-edge
/// runs (Fixtures/noise/content) cites a clear ratio, one whose 95% interval contains 1, and the source's ratios,
/// which have no samples and keep the plain wording. The intervals were worked out by hand from the per-round
/// ratios (see NoiseWordingTests) and checked with a separate Python version of the bootstrap.
/// </summary>
public sealed class StatisticsWordingPageTests(PostgresFixture postgres)
    : SiteTestBase(postgres, Path.Combine(FixturePaths.Root, "noise", "content"))
{
    [Fact]
    public async Task Sentences_give_the_ratios_interval_say_when_there_is_no_clear_difference_and_keep_plain_ratios()
    {
        var page = await PageAsync("/noise-edges");

        var sentences = page.QuerySelectorAll("article p")
            .Select(p => p.TextContent.Trim())
            .Where(t => t.StartsWith("In our run", StringComparison.Ordinal)
                || t.StartsWith("On the second", StringComparison.Ordinal)
                || t.StartsWith("Our order", StringComparison.Ordinal))
            .ToList();
        Assert.Equal(
            [
                "In our run FastAPI was 1.10x faster (95% interval 1.10x–1.11x) than Django, where the source "
                + "reported 1.1x faster.",
                "On the second endpoint that makes FastAPI not clearly faster (1.10x, 95% interval 1.00x–1.21x) than "
                + "Django in our run, against the source's 1.1x faster.",
                "Our order is consistent with Example Lab's (FastAPI, then Django, then Flask): we measured FastAPI "
                + "and Django (no clear difference), then Flask.",
            ],
            sentences);
        Assert.Empty(page.QuerySelectorAll(".figure-missing, .figure-error"));
    }

    private async Task<IDocument> PageAsync(string path)
    {
        // The fixture runs go into the database before the site starts (on the first request), so its first
        // snapshot holds them.
        await using (var store = await StoreHarness.CreateAsync(Site.Database, seed: true))
        {
            foreach (var origin in new[] { "reported", "measured" })
            {
                var outcome = await store.ImportFileAsync(
                    Path.Combine(FixturePaths.Root, "noise", $"noise-edges-{origin}.json"));
                Assert.Empty(outcome.Problems);
            }
        }

        using var response = await Site.CreateReader().GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await SiteFactory.ParseAsync(response);
    }
}
