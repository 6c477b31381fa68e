using ComparisonSite.Figures;
using ComparisonSite.Results.Store;

namespace ComparisonSite.Tests.Figures;

/// <summary>
/// The edges of the one rule for "only noise" (Figures/NoiseRule.cs), which both the spread wording and the
/// difference between two runs use: samples are written as "1,2,3", no samples as "" and a value alone as "-".
/// </summary>
public sealed class NoiseRuleTests
{
    [Theory]
    [InlineData("-", false)]
    [InlineData("", false)]
    [InlineData("5", false)]
    [InlineData("5,5", true)]
    [InlineData("4,6", true)]
    [InlineData("6,4,5", true)]
    public void A_result_has_a_spread_only_with_two_or_more_samples(string samples, bool expected) =>
        Assert.Equal(expected, NoiseRule.HasSpread(Result(samples)));

    [Theory]
    [InlineData("-", null, null)]
    [InlineData("", null, null)]
    [InlineData("7", null, null)]
    [InlineData("5,5", 5.0, 5.0)]
    [InlineData("6,4,5", 4.0, 6.0)]
    [InlineData("-2.5,10,3", -2.5, 10.0)]
    public void The_range_is_the_smallest_to_the_largest_sample(string samples, double? min, double? max)
    {
        var range = NoiseRule.Range(Result(samples));

        Assert.Equal(min, range?.Min);
        Assert.Equal(max, range?.Max);
    }

    [Theory]
    // Disjoint ranges, either order: beyond noise.
    [InlineData("1,2", "3,4", false)]
    [InlineData("3,4", "1,2", false)]
    // Just apart: still beyond noise.
    [InlineData("1,2", "2.0001,3", false)]
    // Touching ends count as overlap, from either side.
    [InlineData("1,2", "2,3", true)]
    [InlineData("2,3", "1,2", true)]
    // Partly overlapping, one inside the other, identical.
    [InlineData("1,3", "2,4", true)]
    [InlineData("1,10", "4,5", true)]
    [InlineData("4,5", "1,10", true)]
    [InlineData("1,2", "1,2", true)]
    // A zero-width spread (equal samples) inside and outside the other range.
    [InlineData("5,5", "4,6", true)]
    [InlineData("5,5", "5,5", true)]
    [InlineData("5,5", "6,6", false)]
    // Without a spread on either side there is nothing to compare: never "within noise".
    [InlineData("-", "1,2", false)]
    [InlineData("1,2", "-", false)]
    [InlineData("1.5", "1,2", false)]
    [InlineData("", "1,2", false)]
    [InlineData("-", "-", false)]
    public void Two_results_are_within_noise_only_when_both_have_spreads_that_overlap(
        string a, string b, bool expected)
    {
        Assert.Equal(expected, NoiseRule.Overlaps(Result(a), Result(b)));
        Assert.Equal(expected, NoiseRule.Overlaps(Result(b), Result(a)));
    }

    private static Measurement Result(string samples)
    {
        IReadOnlyList<double>? parsed = samples == "-" ? null
            : samples.Length == 0 ? []
            : [.. samples.Split(',').Select(s => double.Parse(s, CultureInfo.InvariantCulture))];
        var value = parsed is { Count: > 0 } ? parsed.Order().ElementAt(parsed.Count / 2) : 1;
        return new Measurement("fastapi", "json", "rps", value, parsed);
    }
}
