namespace ComparisonSite.Tests.Figures.Calculator;

/// <summary>The cost page follows the comparison's slug like every slug route: 301 renamed, 410 withdrawn.</summary>
public sealed class CostPageSlugTests(PostgresFixture postgres) : SiteTestBase(postgres, FixturePaths.SecondSiteContent)
{
    [Theory]
    [InlineData("/sqlite-vs-postgresql/cost?requests=1", HttpStatusCode.MovedPermanently)]
    [InlineData("/withdrawn-comparison/cost?requests=1", HttpStatusCode.Gone)]
    [InlineData("/no-such-comparison/cost", HttpStatusCode.NotFound)]
    // A comparison without a calculator has no cost page.
    [InlineData("/postgresql-vs-sqlite/cost", HttpStatusCode.NotFound)]
    public async Task The_cost_page_answers_as_its_comparisons_address_does(string path, HttpStatusCode status)
    {
        using var response = await Site.CreateReader().GetAsync(path);

        Assert.Equal(status, response.StatusCode);
        if (status == HttpStatusCode.MovedPermanently)
        {
            Assert.Equal("/postgresql-vs-sqlite/cost?requests=1", response.Headers.Location!.OriginalString);
        }
    }
}
