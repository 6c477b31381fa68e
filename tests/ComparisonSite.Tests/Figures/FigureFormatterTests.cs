using ComparisonSite.Figures;
using ComparisonSite.Results;

namespace ComparisonSite.Tests.Figures;

public sealed class FigureFormatterTests
{
    private static readonly FigureFormatter English = new(CultureInfo.GetCultureInfo("en-US"));
    private static readonly Metric Rps =
        new("rps", "Requests per second", "req/s", Better.Higher, 0, Metric.MeasurementKind, "faster", "slower");
    private static readonly Metric P99 =
        new("p99", "P99 latency", "ms", Better.Lower, 0, Metric.MeasurementKind, "higher", "lower");
    private static readonly Metric ColdStart =
        new("cold-start", "Cold start", "s", Better.Lower, 1, Metric.MeasurementKind, "slower", "faster");
    private static readonly Metric Score =
        new("score", "Rating", "/10", Better.Higher, 1, Metric.RatingKind, "higher", "lower");
    private static readonly Metric Cost =
        new("server-cost", "Cost", "USD/month", Better.Lower, 0, Metric.EstimateKind, "more expensive", "cheaper");

    [Theory]
    [InlineData(8520, "8,520\u00a0req/s")]
    [InlineData(1090, "1,090\u00a0req/s")]
    [InlineData(0, "0\u00a0req/s")]
    public void Values_carry_the_unit_and_the_cultures_separators(double value, string expected) =>
        Assert.Equal(expected, English.Value(value, Rps));

    [Fact]
    public void Values_use_the_metrics_precision_and_unit_style()
    {
        Assert.Equal("0.7\u00a0s", English.Value(0.7, ColdStart));
        Assert.Equal("9.5/10", English.Value(9.5, Score));
        Assert.Equal("$1,400/month", English.Value(1400, Cost));
        Assert.Equal("8,520", English.Value(8520, Rps, withUnit: false));
    }

    [Fact]
    public void Rounding_for_prose_says_about_only_when_it_changed_the_figure()
    {
        Assert.Equal("about 8,500\u00a0req/s", English.Value(8520, Rps, roundTo: 100));
        Assert.Equal("2,800\u00a0req/s", English.Value(2800, Rps, roundTo: 100));
        Assert.Equal("about 0.5\u00a0s", English.Value(0.46, ColdStart, roundTo: 0.5));
    }

    [Fact]
    public void Another_culture_formats_numbers_its_own_way()
    {
        var german = new FigureFormatter(CultureInfo.GetCultureInfo("de-DE"));

        Assert.Equal("8.520\u00a0req/s", german.Value(8520, Rps));
        Assert.Equal("7,8x faster", german.Ratio(8520, 1090, Rps));
    }

    [Fact]
    public void Ratios_take_their_direction_word_from_the_metric()
    {
        Assert.Equal("7.8x faster", English.Ratio(8520, 1090, Rps));
        Assert.Equal("7.8x slower", English.Ratio(1090, 8520, Rps));
        Assert.Equal("7.0x lower", English.Ratio(14, 98, P99));
        Assert.Equal("3.4x faster", English.Ratio(0.7, 2.4, ColdStart));
        Assert.Equal("7.0x cheaper", English.Ratio(200, 1400, Cost));
        Assert.Equal("the same as", English.Ratio(5, 5, Rps));
    }

    [Fact]
    public void Percentages_and_differences_are_relative_to_the_second_framework()
    {
        Assert.Equal("289% faster", English.Percent(8520, 2190, Rps));
        Assert.Equal("86% lower", English.Percent(14, 98, P99));
        Assert.Equal("6,330\u00a0req/s faster", English.Difference(8520, 2190, Rps));
        Assert.Equal("1.7\u00a0s faster", English.Difference(0.7, 2.4, ColdStart));
    }

    [Fact]
    public void Better_follows_the_metrics_direction()
    {
        Assert.True(FigureFormatter.IsBetter(8520, 1090, Rps));
        Assert.True(FigureFormatter.IsBetter(14, 98, P99));
        Assert.False(FigureFormatter.IsBetter(98, 14, P99));
    }
}
