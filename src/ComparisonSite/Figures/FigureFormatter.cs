using System.Globalization;
using ComparisonSite.Results;

namespace ComparisonSite.Figures;

/// <summary>
/// Turns stored numbers into the words readers see: "8,520 req/s", "about 8,500 req/s", "7.8x faster",
/// "$1,400/month", in the page's culture and with the metric's unit, precision and direction words. The site has
/// one, built from <c>Site:Culture</c> (<c>AddSiteOptions</c>); everything that formats numbers or dates asks it.
/// </summary>
public sealed class FigureFormatter(CultureInfo culture)
{
    public CultureInfo Culture { get; } = culture;

    /// <summary>The bare number at the metric's precision ("8,520", "0.7").</summary>
    public string Number(double value, Metric metric) =>
        value.ToString("N" + metric.Decimals.ToString(CultureInfo.InvariantCulture), Culture);

    /// <summary>A spread as shown next to its value: "1,480–1,535", at the metric's precision.</summary>
    public string Range(double min, double max, Metric metric) => $"{Number(min, metric)}\u2013{Number(max, metric)}";

    /// <summary>
    /// A value with its unit; <paramref name="roundTo"/> rounds for prose
    /// and says "about" when that changed the figure.
    /// </summary>
    public string Value(double value, Metric metric, bool withUnit = true, double? roundTo = null)
    {
        var shown = roundTo is { } step ? Math.Round(value / step, MidpointRounding.AwayFromZero) * step : value;
        var decimals = roundTo is { } r ? Math.Max(0, (int)Math.Ceiling(-Math.Log10(r))) : metric.Decimals;
        var number = shown.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), Culture);
        var text = withUnit ? WithUnit(number, metric.Unit) : number;
        return roundTo is not null && shown != value ? "about " + text : text;
    }

    /// <summary>
    /// "7.8x faster": how many times A is above or below B, with the metric's word for that direction.
    /// </summary>
    public string Ratio(double a, double b, Metric metric)
    {
        if (a == b)
        {
            return "the same as";
        }

        var ratio = Math.Max(a, b) / Math.Min(a, b);
        return $"{ratio.ToString("N1", Culture)}x {Word(a, b, metric)}";
    }

    /// <summary>
    /// "2.6x faster (95% interval 2.4x–2.8x)", or, when the interval of A/B (<paramref name="interval"/>) contains
    /// 1, "not clearly faster (1.04x, 95% interval 0.95x–1.12x)": words that still read in "A is … than B". The
    /// ratio and its interval face the same way as the words (the larger over the smaller).
    /// </summary>
    public string Ratio(double a, double b, Metric metric, Interval interval)
    {
        var (ratio, shown) = a >= b ? (a / b, interval) : (b / a, interval.Reciprocal());
        // One decimal, as plain ratios have, for a clear difference, unless that would blur it: ends shown alike, or
        // one shown as "1.0x" (above 1 or not?). Two when there is no clear difference: the ratio is then near 1,
        // where "1.0x" says nothing.
        var (low, high, one) = (shown.Low.ToString("N1", Culture), shown.High.ToString("N1", Culture),
            1.0.ToString("N1", Culture));
        var format = interval.Contains(1) || low == high || low == one || high == one ? "N2" : "N1";
        string Times(double x) => x.ToString(format, Culture) + "x";
        var bounds = $"95% interval {Times(shown.Low)}\u2013{Times(shown.High)}";
        var number = Times(ratio);
        return interval.Contains(1)
            ? $"{NotClearly(a, b, metric)} ({number}, {bounds})"
            : $"{number} {Word(a, b, metric)} ({bounds})";
    }

    /// <summary>
    /// What <c>percent</c> and <c>diff</c> say when there is no clear difference: "not clearly faster (4%)",
    /// "not clearly faster (6 req/s)", with the figure they would have given.
    /// </summary>
    public static string NoClearDifference(string figure, double a, double b, Metric metric) =>
        $"{NotClearly(a, b, metric)} ({figure})";

    /// <summary>"not clearly faster"; "not clearly different" for equal values.</summary>
    private static string NotClearly(double a, double b, Metric metric) =>
        a == b ? "not clearly different" : $"not clearly {Word(a, b, metric)}";

    /// <summary>"289% faster": the difference relative to B, with the direction word.</summary>
    public string Percent(double a, double b, Metric metric) =>
        a == b ? "the same as" : $"{(Math.Abs(a - b) / b * 100).ToString("N0", Culture)}% {Word(a, b, metric)}";

    /// <summary>"6,330 req/s faster": the absolute difference in the metric's unit, with the direction word.</summary>
    public string Difference(double a, double b, Metric metric) =>
        a == b ? "the same as" : $"{Value(Math.Abs(a - b), metric)} {Word(a, b, metric)}";

    /// <summary>The word for A compared with B: the metric's higher or lower word ("faster", "cheaper").</summary>
    public static string Word(double a, double b, Metric metric) => a > b ? metric.HigherWord : metric.LowerWord;

    /// <summary>Whether <paramref name="a"/> is better than <paramref name="b"/> on this metric.</summary>
    public static bool IsBetter(double a, double b, Metric metric) => metric.Better == Better.Higher ? a > b : a < b;

    /// <summary>"March 31, 2026": a date as readers read it (see <see cref="SiteDates"/>).</summary>
    public string Date(DateOnly date) => SiteDates.Display(date, Culture);

    /// <summary>
    /// Units are written the way readers expect:
    /// "$200/month" for USD, "9.5/10" for scores, "8,520 req/s" otherwise.
    /// </summary>
    public static string WithUnit(string number, string unit)
    {
        if (unit.Length == 0)
        {
            return number;
        }

        if (unit == "USD" || unit.StartsWith("USD/", StringComparison.Ordinal))
        {
            return "$" + number + unit[3..];
        }

        return unit[0] == '/' || unit == "%" ? number + unit : number + "\u00a0" + unit;
    }

    /// <summary>A unit as shown in table headers ("req/s", "$/month").</summary>
    public static string UnitLabel(string unit) =>
        unit.StartsWith("USD", StringComparison.Ordinal) ? "$" + unit[3..] : unit;
}
