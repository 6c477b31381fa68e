namespace ComparisonSite.Figures.Calculator;

/// <summary>
/// The cost calculator's arithmetic, in one place: the article's block, the <c>/&lt;slug&gt;/cost</c> page and the
/// <c>{{calculator-value}}</c> reference all call it, and wwwroot/js/calculator.js mirrors it line for line (a
/// browser test checks that both give the same numbers).
/// </summary>
public static class ServerCostCalculator
{
    public const double SecondsPerDay = 86_400;

    /// <summary>
    /// Floating-point slack for the ceiling: 1,400 req/s on servers of 1,000 × 0.7 is exactly 2 servers, even though
    /// 0.7 is not exact in binary. The JavaScript uses the same constant.
    /// </summary>
    public const double Slack = 1e-9;

    /// <summary>requests per day ÷ 86,400 × peak-to-average factor.</summary>
    public static double PeakRequestsPerSecond(CalculatorInput input) =>
        input.RequestsPerDay / SecondsPerDay * input.Peak;

    /// <summary>ceil(peak req/s ÷ (measured req/s × headroom)), at least 1.</summary>
    public static long Servers(CalculatorInput input, double throughput)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(throughput);
        var needed = Math.Ceiling((PeakRequestsPerSecond(input) / (throughput * input.Headroom)) - Slack);
        return Math.Max(1, (long)needed);
    }

    /// <summary>servers × price per server.</summary>
    public static decimal MonthlyCost(long servers, decimal usdPerMonth) => servers * usdPerMonth;

    /// <summary>One framework's result: its servers and their monthly cost.</summary>
    public static CalculatorResult Compute(CalculatorInput input, double throughput, decimal usdPerMonth)
    {
        var servers = Servers(input, throughput);
        return new CalculatorResult(servers, MonthlyCost(servers, usdPerMonth));
    }
}

/// <summary>What a reader enters: requests per day, the peak-to-average factor and the target CPU headroom.</summary>
public sealed record CalculatorInput(long RequestsPerDay, double Peak, double Headroom);

/// <summary>Servers needed and what they cost a month.</summary>
public sealed record CalculatorResult(long Servers, decimal MonthlyCost);
