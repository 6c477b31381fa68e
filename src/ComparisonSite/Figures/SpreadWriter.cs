using System.Globalization;
using ComparisonSite.Results;
using ComparisonSite.Results.Store;

namespace ComparisonSite.Figures;

/// <summary>
/// The spread beside a value in a table: "1,510 (1,480–1,535)", the median with the smallest and largest round, and
/// the caption sentence that says what that range is. Results without a spread get neither. With enough samples
/// (<see cref="NoiseRule.MinimumSamples"/>) the range's label and tooltip also give the 95% interval of the median:
/// min–max stays what readers see, since it is what they know, and the interval is one hover or one label away.
/// </summary>
internal static class SpreadWriter
{
    /// <summary>
    /// " (1,480–1,535)" after a value, labelled for screen readers; nothing without a spread. Returns the value and
    /// its range as a reader reads them ("1,510 (1,480–1,535)"), for the figure's <see cref="FigureReading"/>.
    /// </summary>
    public static string Write(FigureWriter figure, Measurement result, Metric metric, string value)
    {
        if (NoiseRule.Range(result) is not { } range)
        {
            return value;
        }

        var text = figure.Context.Formatter.Range(range.Min, range.Max, metric);
        if (!figure.WritesHtml)
        {
            figure.Html.Write(" (").WriteEscape(text).Write(')');
            return $"{value} ({text})";
        }

        var formatter = figure.Context.Formatter;
        var rounds = result.Samples!.Count.ToString(CultureInfo.InvariantCulture);
        var label = $"range of {rounds} rounds: {formatter.Number(range.Min, metric)} "
            + $"to {formatter.Number(range.Max, metric)}";
        if (NoiseRule.MedianInterval(result) is { } median)
        {
            label += $"; 95% interval of the median: {formatter.Number(median.Low, metric)} "
                + $"to {formatter.Number(median.High, metric)}";
        }

        // role="img" gives the label to assistive technology, as for the ★; "(1,480–1,535)" reads badly aloud. The
        // same words are the tooltip, where the interval is for sighted readers.
        figure.Html.Write(" <span class=\"spread\" role=\"img\" aria-label=\"").WriteEscape(label)
            .Write("\" title=\"").WriteEscape(label).Write("\">(").WriteEscape(text).Write(")</span>");
        return $"{value} ({text})";
    }

    /// <summary>
    /// "Values are medians of 3 rounds; the range is min–max." for the results a figure shows, "Values with a range
    /// are …" when only some have one, or null when none has; when some have intervals, where to find them.
    /// </summary>
    public static string? Caption(IReadOnlyCollection<Measurement> shown)
    {
        var counts = shown.Where(NoiseRule.HasSpread).Select(m => m.Samples!.Count).Distinct().Order().ToList();
        if (counts.Count == 0)
        {
            return null;
        }

        var rounds = counts.Count == 1 ? $"{counts[0]}" : $"{counts[0]} to {counts[^1]}";
        var which = shown.All(NoiseRule.HasSpread) ? "Values are" : "Values with a range are";
        var intervals = shown.Any(NoiseRule.HasInterval)
            ? " Each range's label gives the 95% interval of the median (bootstrap over rounds)."
            : string.Empty;
        return $"{which} medians of {rounds} rounds; the range is min\u2013max.{intervals}";
    }
}
