using ComparisonSite.Caching;

namespace ComparisonSite.Tests.Site;

/// <summary>
/// One spelling per address: a case variant of a page, download or site-wide document answers the 404 page
/// and leaves no entry in the page cache, while the lowercase address answers as before. The cases:
/// Fixtures/routing/case-variants.txt.
/// </summary>
public sealed class CaseVariantRoutingTests(PostgresFixture postgres) : SiteTestBase(postgres)
{
    public static TheoryData<string, string> CaseVariants() => FixturePaths.Table("routing", "case-variants.txt");

    [Theory]
    [MemberData(nameof(CaseVariants))]
    public async Task A_case_variant_answers_404_and_is_not_cached(string canonical, string variant)
    {
        var reader = Site.CreateReader();
        var cache = Site.Get<PageCache>();
        using var original = await reader.GetAsync(canonical);
        var entries = cache.Count;

        using var response = await reader.GetAsync(variant);
        var page = await SiteFactory.ParseAsync(response);
        using var again = await reader.GetAsync(variant);

        Assert.Equal(HttpStatusCode.OK, original.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal("Page not found", page.QuerySelector("h1")!.TextContent);
        Assert.Equal(entries, cache.Count);
    }
}
