namespace ComparisonSite.Tests.Figures.Calculator;

/// <summary>
/// A calculator the store or the front matter cannot answer is a content problem naming file and line, as every
/// reference problem is: <c>check</c> lists it (Fixtures/calculator-site).
/// </summary>
public sealed class CalculatorCheckTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    private const string Price = "the calculator needs a price per server: add serverPrice: "
        + "{ server, usdPerMonth, source, date } to the article's front matter (index.md)";

    [Fact]
    public async Task A_bad_block_a_missing_or_invalid_price_and_a_value_without_its_calculator_are_reported()
    {
        var content = Path.Combine(FixturePaths.Root, "calculator-site", "content");

        var check = await SiteProcess.RunVerbAsync(
            await postgres.CreateDatabaseAsync(), "check", "--content", content, "--strict");

        var prefix = Path.GetRelativePath(SiteRoot.Locate(null).Path, content).Replace('\\', '/');
        Assert.Equal(
        [
            "<content>/bad-block/01-cost.md:7: error: calculator needs requests=N, the requests per day its default "
                + "result is for",
            "<content>/bad-block/01-cost.md:11: error: Headroom must be above 0 and at most 1 (0.7 means each server "
                + "runs at 70% of its throughput).",
            "<content>/bad-calculator/01-latency.md:7: error: {{calculator json:p99 requests=10000000}}: metric 'p99' "
                + "is not a measured throughput (higher is better), so servers cannot be sized by it; "
                + "use e.g. json:rps",
            "<content>/bad-calculator/02-elsewhere.md:5: error: {{calculator-value django monthly-cost}}: "
                + "calculator-value cites the {{calculator …}} of its own file, and this file has none",
            "<content>/bad-price/index.md:13: error: 'usdPerMonth' must be an amount above 0 and at most 100000, "
                + "with at most two decimals, not '-5'",
            "<content>/no-price/01-cost.md:5: error: {{calculator-value fastapi servers}}: " + Price,
            "<content>/no-price/01-cost.md:7: error: "
                + "{{calculator json:rps requests=10000000 peak=3 headroom=0.7 origin=measured}}: " + Price,
            "2 comparisons checked: 7 errors, 0 warnings (strict: warnings count as errors).",
        ], check.Output.Trim().Split('\n').Select(l => l.Replace(prefix, "<content>", StringComparison.Ordinal)));
        Assert.Equal(1, check.ExitCode);
    }
}
