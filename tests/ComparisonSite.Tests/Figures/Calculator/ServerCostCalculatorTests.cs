using ComparisonSite.Figures.Calculator;

namespace ComparisonSite.Tests.Figures.Calculator;

/// <summary>The calculator's arithmetic, case by case: what the page, the cost route and the prose compute.</summary>
public sealed class ServerCostCalculatorTests
{
    public static TheoryData<string, long, double, double, double, long> Servers => new()
    {
        // 86,400,000 a day is 1,000 req/s on average.
        { "exactly one server's worth needs no second", 86_400_000, 1, 1, 1_000, 1 },
        { "one request more needs a second", 86_400_001, 1, 1, 1_000, 2 },
        { "peak exactly divisible by headroom: 1,400 ÷ (1,000 × 0.7) is 2, not 3", 86_400_000, 1.4, 0.7, 1_000, 2 },
        { "peak just above two servers' worth needs a third", 86_400_000, 1.41, 0.7, 1_000, 3 },
        { "headroom 1 uses the whole measured throughput", 86_400_000, 3, 1, 1_000, 3 },
        { "a tiny site still needs one server", 1, 1, 1, 4_317.3, 1 },
        { "the seed article's default: 10M a day, peak 3, 70% on 4,317.3 req/s", 10_000_000, 3, 0.7, 4_317.3, 1 },
        { "a billion a day on 1,510 req/s at 70%", 1_000_000_000, 3, 0.7, 1_510, 33 },
        { "the largest input stays a whole number", 100_000_000_000, 100, 0.01, 1, 11_574_074_075 },
    };

    [Theory]
    [MemberData(nameof(Servers))]
    public void Servers_are_the_ceiling_of_peak_over_usable_throughput_and_at_least_one(
        string because, long requests, double peak, double headroom, double throughput, long expected)
    {
        var servers = ServerCostCalculator.Servers(new CalculatorInput(requests, peak, headroom), throughput);

        Assert.True(expected == servers, $"{because}: expected {expected}, got {servers}");
    }

    [Theory]
    [InlineData(1, 20, 20)]
    [InlineData(33, 20, 660)]
    [InlineData(3, 12.50, 37.50)]
    [InlineData(7, 19.99, 139.93)]
    [InlineData(1_157_407_408, 100_000, 115_740_740_800_000)]
    public void The_monthly_cost_is_servers_times_the_price_to_the_cent(long servers, double price, double expected)
    {
        Assert.Equal((decimal)expected, ServerCostCalculator.MonthlyCost(servers, (decimal)price));
    }

    [Fact]
    public void Peak_requests_per_second_are_requests_a_day_over_86400_times_the_peak_factor()
    {
        Assert.Equal(3_000, ServerCostCalculator.PeakRequestsPerSecond(new CalculatorInput(86_400_000, 3, 0.7)), 9);
    }

    [Fact]
    public void A_throughput_of_zero_is_refused_rather_than_dividing_by_it()
    {
        Assert.Throws<ArgumentOutOfRangeException>(
            () => ServerCostCalculator.Servers(new CalculatorInput(1, 1, 1), 0));
    }
}
