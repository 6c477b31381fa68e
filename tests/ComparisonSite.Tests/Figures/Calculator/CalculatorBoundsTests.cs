using ComparisonSite.Figures.Calculator;

namespace ComparisonSite.Tests.Figures.Calculator;

/// <summary>What the calculator accepts, and the message a refused field shows (calculator.js words it alike).
/// </summary>
public sealed class CalculatorBoundsTests
{
    [Theory]
    [InlineData("10000000", 10_000_000L)]
    [InlineData(" 1 ", 1L)]
    [InlineData("0010", 10L)]
    [InlineData("100000000000", 100_000_000_000L)]
    public void Requests_per_day_take_whole_numbers_from_1_to_100_billion(string text, long expected)
    {
        Assert.Equal(expected, CalculatorBounds.Requests(text, out var error));
        Assert.Null(error);
    }

    [Theory]
    [InlineData("", "Requests per day is empty: enter a whole number such as 10000000.")]
    [InlineData("0", "Requests per day must be at least 1.")]
    [InlineData("-5", "Requests per day must be a whole number of requests (digits only), such as 10000000.")]
    [InlineData("1e7", "Requests per day must be a whole number of requests (digits only), such as 10000000.")]
    [InlineData("1,000", "Requests per day must be a whole number of requests (digits only), such as 10000000.")]
    [InlineData("NaN", "Requests per day must be a whole number of requests (digits only), such as 10000000.")]
    [InlineData("100000000001", "Requests per day must be at most 100,000,000,000.")]
    [InlineData("99999999999999999999999999999", "Requests per day must be at most 100,000,000,000.")]
    public void Requests_per_day_refuse_anything_else_with_a_message(string text, string message)
    {
        Assert.Null(CalculatorBounds.Requests(text, out var error));
        Assert.Equal(message, error);
    }

    [Theory]
    [InlineData("1", 1)]
    [InlineData("3", 3)]
    [InlineData("2.5", 2.5)]
    [InlineData("100", 100)]
    public void The_peak_factor_takes_1_to_100(string text, double expected)
    {
        Assert.Equal(expected, CalculatorBounds.Peak(text, out var error));
        Assert.Null(error);
    }

    [Theory]
    [InlineData("0.99", "Peak-to-average factor must be from 1 to 100.")]
    [InlineData("100.01", "Peak-to-average factor must be from 1 to 100.")]
    [InlineData("1e309", "Peak-to-average factor must be a plain number such as 3.")]
    [InlineData("Infinity", "Peak-to-average factor must be a plain number such as 3.")]
    [InlineData("3.", "Peak-to-average factor must be a plain number such as 3.")]
    [InlineData("3.125", "Peak-to-average factor takes at most 2 decimals, such as 3.")]
    public void The_peak_factor_refuses_anything_else_with_a_message(string text, string message)
    {
        Assert.Null(CalculatorBounds.Peak(text, out var error));
        Assert.Equal(message, error);
    }

    [Theory]
    [InlineData("1", 1)]
    [InlineData("1.0", 1)]
    [InlineData("0.7", 0.7)]
    [InlineData("0.01", 0.01)]
    public void Headroom_takes_above_0_up_to_and_including_1(string text, double expected)
    {
        Assert.Equal(expected, CalculatorBounds.Headroom(text, out var error));
        Assert.Null(error);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("0.00")]
    [InlineData("1.01")]
    [InlineData("2")]
    public void Headroom_of_0_or_above_1_is_refused(string text)
    {
        Assert.Null(CalculatorBounds.Headroom(text, out var error));
        Assert.Equal(
            "Headroom must be above 0 and at most 1 (0.7 means each server runs at 70% of its throughput).", error);
    }

    [Theory]
    [InlineData(3, "3")]
    [InlineData(0.7, "0.7")]
    [InlineData(2.5, "2.5")]
    public void A_bounded_value_is_written_in_its_shortest_form(double value, string expected)
    {
        Assert.Equal(expected, CalculatorBounds.Text(value));
    }
}
