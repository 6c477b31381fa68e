using ComparisonSite.Figures;
using ComparisonSite.Results.Store;

namespace ComparisonSite.Tests.Figures;

/// <summary>
/// The edges of the one rule for "no clear difference" (Figures/NoiseRule.cs), which the figures' wording and the
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
    [InlineData("-", false)]
    [InlineData("", false)]
    [InlineData("5", false)]
    [InlineData("4,6", false)]
    [InlineData("4,5,6", true)]
    [InlineData("0,5,6", false)]
    [InlineData("1,2,3,4,5", true)]
    public void A_result_has_intervals_with_three_or_more_samples_above_zero(string samples, bool expected)
    {
        Assert.Equal(expected, NoiseRule.HasInterval(Result(samples)));
        Assert.Equal(expected, NoiseRule.MedianInterval(Result(samples)) is not null);
    }

    [Theory]
    // Ratios per round 2.0, 1.0, 0.5 (or about): the interval contains 1.
    [InlineData("2,4,6", "1,4,12", true, true)]
    // Every round 1.25x: paired, exactly [1.25, 1.25]; unpaired, the drift over rounds hides it.
    [InlineData("125,162.5,200", "100,130,160", true, false)]
    [InlineData("125,162.5,200", "100,130,160", false, true)]
    // Far apart either way.
    [InlineData("10,20,30", "1,2,3", true, false)]
    [InlineData("10,20,30", "1,2,3", false, false)]
    // The interval's end at exactly 1 counts as containing it (touching).
    [InlineData("105,110,115", "105,100,95", true, true)]
    // Identical results: the ratio is 1 in every resample.
    [InlineData("4,5,6", "4,5,6", true, true)]
    // Too few samples on either side: never "no clear difference"; a plain comparison instead.
    [InlineData("-", "1,2,3", true, false)]
    [InlineData("1,2,3", "1.5,2", true, false)]
    [InlineData("1.5", "1,2,3", false, false)]
    [InlineData("-", "-", true, false)]
    public void There_is_no_clear_difference_only_when_the_ratios_interval_contains_one(
        string a, string b, bool sameRun, bool expected)
    {
        Assert.Equal(expected, NoiseRule.NoClearDifference(Result(a), Result(b), sameRun));
        Assert.Equal(expected, NoiseRule.NoClearDifference(Result(b), Result(a), sameRun));
    }

    [Theory]
    [InlineData("1,2,3", "4,5,6", true, true)]
    [InlineData("1,2,3", "4,5,6", false, false)]
    [InlineData("1,2,3", "4,5,6,7", true, false)]
    public void Results_are_paired_only_from_one_run_with_the_same_number_of_rounds(
        string a, string b, bool sameRun, bool expected) =>
        Assert.Equal(expected, NoiseRule.IsPaired(Result(a), Result(b), sameRun));

    [Fact]
    public void An_interval_drawn_once_is_the_same_as_drawing_it_again_and_pairing_is_part_of_the_question()
    {
        // Rounds that moved together: paired, the ratio is about 1.1 every round; unpaired, the spread is wider.
        var (a, b) = (Result("110,90,130,100,120"), Result("100,82,118,91,109"));

        var paired = NoiseRule.RatioInterval(a, b, sameRun: true);
        var unpaired = NoiseRule.RatioInterval(a, b, sameRun: false);

        Assert.Equal(Bootstrap.Ratio(a.Samples!, b.Samples!, paired: true), paired);
        Assert.Equal(paired, NoiseRule.RatioInterval(a, b, sameRun: true));
        Assert.Equal(Bootstrap.Ratio(a.Samples!, b.Samples!, paired: false), unpaired);
        Assert.NotEqual(paired, unpaired);
        Assert.Equal(Bootstrap.Median(a.Samples!), NoiseRule.MedianInterval(a));
        Assert.Equal(NoiseRule.MedianInterval(a), NoiseRule.MedianInterval(a));
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
