using Microsoft.AspNetCore.Http;

namespace ComparisonSite.Tests;

/// <summary>The address scheme: one spelling of each path under a comparison; a renamed comparison's paths.</summary>
public sealed class SiteAddressesTests
{
    public static TheoryData<string, string> Addresses => new()
    {
        { SiteAddresses.Comparison("a-vs-b"), "/a-vs-b" },
        { SiteAddresses.InArticle("a-vs-b", "methodology"), "/a-vs-b#methodology" },
        { SiteAddresses.Data("a-vs-b"), "/a-vs-b/data" },
        { SiteAddresses.Run("a-vs-b", "v1.2_full"), "/a-vs-b/runs/v1.2_full" },
        { SiteAddresses.RunDifference("a-vs-b", "one", "two"), "/a-vs-b/runs/one/vs/two" },
        { SiteAddresses.CompareRuns("a-vs-b"), "/a-vs-b/compare" },
        { SiteAddresses.Results("a-vs-b", "csv"), "/a-vs-b/results.csv" },
        { SiteAddresses.Results("a-vs-b", "json", "one"), "/a-vs-b/runs/one/results.json" },
        { SiteAddresses.Figure("a-vs-b", "chart-rps"), "/a-vs-b/figures/chart-rps" },
        { SiteAddresses.Figure("a-vs-b", "chart-rps", "svg"), "/a-vs-b/figures/chart-rps.svg" },
        { SiteAddresses.Cost("a-vs-b"), "/a-vs-b/cost" },
        { SiteAddresses.Tag("web-frameworks"), "/tags/web-frameworks" },
    };

    [Theory]
    [MemberData(nameof(Addresses))]
    public void Each_address_is_spelled_as_its_route_matches_it(string built, string expected) =>
        Assert.Equal(expected, built);

    [Theory]
    [InlineData("/old", "", "/new")]
    [InlineData("/old/data", "", "/new/data")]
    [InlineData("/old/runs/a/vs/b", "", "/new/runs/a/vs/b")]
    [InlineData("/old/cost", "?requests=1&peak=2", "/new/cost?requests=1&peak=2")]
    [InlineData("/old/figures/a b", "", "/new/figures/a%20b")]
    public void A_renamed_comparisons_address_keeps_what_follows_the_slug_and_the_query(
        string path, string query, string expected) =>
        Assert.Equal(expected, SiteAddresses.Renamed(new PathString(path), new QueryString(query), "new"));
}
