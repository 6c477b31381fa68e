using System.Text;
using static ComparisonSite.Figures.Svg.SvgMarkup;

namespace ComparisonSite.Figures.Svg;

/// <summary>
/// Grouped bars, vertical or horizontal, with min–max whiskers: the drawing inside a chart's SVG (legend, value
/// axis with nice ticks and its title, bars with a native tooltip each).
/// </summary>
internal static class SvgBarChart
{
    private const double LineHeight = 14;

    public static string Body(SvgChart chart)
    {
        var svg = new StringBuilder();
        var top = SvgLegend.Write(svg, chart.Series);
        var largest = chart.Series
            .SelectMany(s => s.Values.Concat(s.Max ?? []))
            .OfType<double>()
            .DefaultIfEmpty(0)
            .Max();
        var scale = SvgScale.For(largest);
        if (chart.Horizontal)
        {
            Horizontal(svg, chart, scale, top);
        }
        else
        {
            Vertical(svg, chart, scale, top);
        }

        return svg.ToString();
    }

    private static void Vertical(StringBuilder svg, SvgChart chart, SvgScale scale, double top)
    {
        svg.Append("<text class=\"axis-title\" x=\"0\" y=\"").Append(N(top + 10)).Append("\">")
            .Append(E(chart.AxisTitle)).Append("</text>");
        var ticks = scale.Ticks().Select(t => (Value: t, Text: chart.Tick(t, scale.Decimals))).ToList();
        var left = ticks.Max(t => TextWidth(t.Text)) + 8;
        const double Right = Width - 2;
        var band = (Right - left) / chart.Labels.Count;
        var labels = chart.Labels.Select(l => Wrap(l, band - 4).Take(4).ToList()).ToList();
        var bottom = Height - (labels.Max(l => l.Count) * LineHeight) - 6;
        var plotTop = top + 22;
        SvgAxis.ValueTicks(svg, ticks, scale, left, Right, plotTop, bottom, horizontal: false);

        for (var g = 0; g < chart.Labels.Count; g++)
        {
            var centre = left + (band * (g + 0.5));
            svg.Append("<text class=\"group-label\" text-anchor=\"middle\" y=\"").Append(N(bottom + 4)).Append("\">");
            foreach (var line in labels[g])
            {
                svg.Append("<tspan x=\"").Append(N(centre)).Append("\" dy=\"").Append(N(LineHeight)).Append("\">")
                    .Append(E(line)).Append("</tspan>");
            }

            svg.Append("</text>");
        }

        var barWidth = band * 0.8 / chart.Series.Count;
        for (var s = 0; s < chart.Series.Count; s++)
        {
            var series = chart.Series[s];
            for (var g = 0; g < chart.Labels.Count; g++)
            {
                if (series.Values[g] is not { } value)
                {
                    continue;
                }

                var x = left + (band * g) + (band * 0.1) + (barWidth * s);
                var y = scale.Position(value, bottom, plotTop);
                svg.Append("<rect class=\"bar ").Append(Framework(series)).Append("\" x=\"").Append(N(x))
                    .Append("\" y=\"").Append(N(y)).Append("\" width=\"").Append(N(barWidth))
                    .Append("\" height=\"").Append(N(bottom - y)).Append("\"><title>")
                    .Append(E(Tooltip(chart, series, g))).Append("</title></rect>");
                if (Whisker(series, g) is var (min, max))
                {
                    var (from, to) = (scale.Position(min, bottom, plotTop), scale.Position(max, bottom, plotTop));
                    var cap = Math.Min(6, barWidth / 4);
                    var centre = x + (barWidth / 2);
                    svg.Append("<path class=\"whisker\" data-framework=\"").Append(E(series.Framework))
                        .Append("\" d=\"M").Append(N(centre)).Append(' ').Append(N(from))
                        .Append('V').Append(N(to))
                        .Append('M').Append(N(centre - cap)).Append(' ').Append(N(from)).Append('h').Append(N(2 * cap))
                        .Append('M').Append(N(centre - cap)).Append(' ').Append(N(to)).Append('h').Append(N(2 * cap))
                        .Append("\"/>");
                }
            }
        }
    }

    private static void Horizontal(StringBuilder svg, SvgChart chart, SvgScale scale, double top)
    {
        var ticks = scale.Ticks().Select(t => (Value: t, Text: chart.Tick(t, scale.Decimals))).ToList();
        const double Left = 2;
        var right = Width - (TextWidth(ticks[^1].Text) / 2) - 2;
        const double Bottom = Height - 36;
        var plotTop = top + 4;
        SvgAxis.ValueTicks(svg, ticks, scale, Left, right, plotTop, Bottom, horizontal: true);
        svg.Append("<text class=\"axis-title\" text-anchor=\"end\" x=\"").Append(N(Width - 2)).Append("\" y=\"")
            .Append(N(Height - 4)).Append("\">").Append(E(chart.AxisTitle)).Append("</text>");

        var band = (Bottom - plotTop) / chart.Labels.Count;
        var barHeight = Math.Max(1, (band - LineHeight - 6) / chart.Series.Count);
        for (var g = 0; g < chart.Labels.Count; g++)
        {
            var bandTop = plotTop + (band * g);
            svg.Append("<text class=\"group-label\" x=\"").Append(N(Left + 4)).Append("\" y=\"")
                .Append(N(bandTop + 11)).Append("\">").Append(E(chart.Labels[g])).Append("</text>");
            for (var s = 0; s < chart.Series.Count; s++)
            {
                var series = chart.Series[s];
                if (series.Values[g] is not { } value)
                {
                    continue;
                }

                var y = bandTop + LineHeight + 2 + (barHeight * s);
                var end = scale.Position(value, Left, right);
                svg.Append("<rect class=\"bar ").Append(Framework(series)).Append("\" x=\"").Append(N(Left))
                    .Append("\" y=\"").Append(N(y)).Append("\" width=\"").Append(N(end - Left))
                    .Append("\" height=\"").Append(N(barHeight)).Append("\"><title>")
                    .Append(E(Tooltip(chart, series, g))).Append("</title></rect>");
                if (Whisker(series, g) is var (min, max))
                {
                    var (from, to) = (scale.Position(min, Left, right), scale.Position(max, Left, right));
                    var cap = Math.Min(6, barHeight / 4);
                    var centre = y + (barHeight / 2);
                    svg.Append("<path class=\"whisker\" data-framework=\"").Append(E(series.Framework))
                        .Append("\" d=\"M").Append(N(from)).Append(' ').Append(N(centre))
                        .Append('H').Append(N(to))
                        .Append('M').Append(N(from)).Append(' ').Append(N(centre - cap)).Append('v').Append(N(2 * cap))
                        .Append('M').Append(N(to)).Append(' ').Append(N(centre - cap)).Append('v').Append(N(2 * cap))
                        .Append("\"/>");
                }
            }
        }
    }

    /// <summary>"FastAPI, JSON endpoint: 8,520 req/s (range 8,400–8,610)": the bar's native tooltip.</summary>
    internal static string Tooltip(SvgChart chart, ChartSeries series, int group)
    {
        var value = chart.WithUnit(chart.Number(series.Values[group]!.Value));
        var text = $"{series.Label}, {chart.Labels[group]}: {value}";
        return Whisker(series, group) is var (min, max)
            ? $"{text} (range {chart.Number(min)}\u2013{chart.Number(max)})"
            : text;
    }

    private static (double Min, double Max)? Whisker(ChartSeries series, int group) =>
        series.Min?[group] is { } min && series.Max?[group] is { } max ? (min, max) : null;
}
