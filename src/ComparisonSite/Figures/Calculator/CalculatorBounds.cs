using System.Globalization;

namespace ComparisonSite.Figures.Calculator;

/// <summary>
/// What the calculator accepts, defined once for the block's options, the <c>/&lt;slug&gt;/cost</c> query and (as
/// data- attributes) the page script: whole requests per day from 1 to 100 billion, a peak factor from 1 to 100 and
/// a headroom above 0 and at most 1, each with at most <see cref="MaxDecimals"/> decimals.
/// </summary>
public static class CalculatorBounds
{
    public const long MaxRequestsPerDay = 100_000_000_000;
    public const double MinPeak = 1;
    public const double MaxPeak = 100;
    public const double MaxHeadroom = 1;
    public const int MaxDecimals = 2;

    // Longer than any valid value ("100000000000"), so a flood of digits is refused before it is parsed.
    private const int MaxLength = 12;

    public const string RequestsField = "requests";
    public const string PeakField = "peak";
    public const string HeadroomField = "headroom";

    /// <summary>Requests per day: digits only, 1 to 100,000,000,000; null and a message otherwise.</summary>
    public static long? Requests(string? text, out string? error)
    {
        error = null;
        var trimmed = text?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            error = "Requests per day is empty: enter a whole number such as 10000000.";
        }
        else if (!trimmed.All(char.IsAsciiDigit))
        {
            error = "Requests per day must be a whole number of requests (digits only), such as 10000000.";
        }
        else if (trimmed.TrimStart('0').Length > MaxLength
            || long.Parse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture) > MaxRequestsPerDay)
        {
            error = "Requests per day must be at most 100,000,000,000.";
        }
        else if (long.Parse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture) == 0)
        {
            error = "Requests per day must be at least 1.";
        }
        else
        {
            return long.Parse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture);
        }

        return null;
    }

    /// <summary>The peak-to-average factor: a number from 1 to 100; null and a message otherwise.</summary>
    public static double? Peak(string? text, out string? error)
    {
        var value = Decimal(text, "Peak-to-average factor", "3", out error);
        if (value is not null && (value < MinPeak || value > MaxPeak))
        {
            error = "Peak-to-average factor must be from 1 to 100.";
            return null;
        }

        return value;
    }

    /// <summary>The target CPU headroom: a number above 0 and at most 1; null and a message otherwise.</summary>
    public static double? Headroom(string? text, out string? error)
    {
        var value = Decimal(text, "Headroom", "0.7", out error);
        if (value is not null && (value <= 0 || value > MaxHeadroom))
        {
            error = "Headroom must be above 0 and at most 1 (0.7 means each server runs at 70% of its throughput).";
            return null;
        }

        return value;
    }

    /// <summary>A bounded input as the canonical query and the page script write it: "3", "0.7", "10000000".</summary>
    public static string Text(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    // Plain decimals only ("3", "0.75"): no exponents, signs, NaN, infinities or thousands separators.
    private static double? Decimal(string? text, string name, string example, out string? error)
    {
        error = null;
        var trimmed = text?.Trim() ?? string.Empty;
        var parts = trimmed.Split('.');
        if (trimmed.Length == 0)
        {
            error = $"{name} is empty: enter a number such as {example}.";
        }
        else if (trimmed.Length > MaxLength || parts.Length > 2 || parts[0].Length == 0
            || !parts.All(p => p.All(char.IsAsciiDigit)) || (parts.Length == 2 && parts[1].Length == 0))
        {
            error = $"{name} must be a plain number such as {example}.";
        }
        else if (parts.Length == 2 && parts[1].Length > MaxDecimals)
        {
            error = $"{name} takes at most {MaxDecimals} decimals, such as {example}.";
        }
        else
        {
            return double.Parse(trimmed, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        }

        return null;
    }
}
