using System.Text;
using static ComparisonSite.Figures.Svg.SvgMarkup;

namespace ComparisonSite.Figures.Svg;

/// <summary>
/// A trend: a line per framework across runs with a point (and native tooltip) per value; a run that did not
/// measure a framework leaves a gap in its line rather than a line drawn through a value that does not exist.
/// </summary>
internal static class SvgLineChart
{
    public static string Body(SvgChart chart)
    {
        var svg = new StringBuilder();
        var top = SvgLegend.Write(svg, chart.Series);
        var largest = chart.Series.SelectMany(s => s.Values).OfType<double>().DefaultIfEmpty(0).Max();
        var scale = SvgScale.For(largest);
        svg.Append("<text class=\"axis-title\" x=\"0\" y=\"").Append(N(top + 10)).Append("\">")
            .Append(E(chart.AxisTitle)).Append("</text>");
        var ticks = scale.Ticks().Select(t => (Value: t, Text: chart.Tick(t, scale.Decimals))).ToList();
        var left = ticks.Max(t => TextWidth(t.Text)) + 8;
        const double Right = Width - 2;
        const double Bottom = Height - 22;
        var plotTop = top + 22;
        SvgAxis.ValueTicks(svg, ticks, scale, left, Right, plotTop, Bottom, horizontal: false);

        var band = (Right - left) / chart.Labels.Count;
        double X(int i) => left + (band * (i + 0.5));
        // Dates that would overlap are thinned out; every run still has its points and tooltips.
        var every = (int)Math.Ceiling((chart.Labels.Max(l => TextWidth(l)) + 8) / band);
        for (var i = 0; i < chart.Labels.Count; i += Math.Max(1, every))
        {
            svg.Append("<text class=\"group-label\" text-anchor=\"middle\" x=\"").Append(N(X(i))).Append("\" y=\"")
                .Append(N(Bottom + 16)).Append("\">").Append(E(chart.Labels[i])).Append("</text>");
        }

        foreach (var series in chart.Series)
        {
            var path = new StringBuilder();
            var drawing = false;
            for (var i = 0; i < series.Values.Count; i++)
            {
                if (series.Values[i] is not { } value)
                {
                    drawing = false;
                    continue;
                }

                path.Append(drawing ? 'L' : 'M').Append(N(X(i))).Append(' ')
                    .Append(N(scale.Position(value, Bottom, plotTop)));
                drawing = true;
            }

            svg.Append("<path class=\"line ").Append(Framework(series)).Append("\" d=\"").Append(path).Append("\"/>");
            for (var i = 0; i < series.Values.Count; i++)
            {
                if (series.Values[i] is { } value)
                {
                    svg.Append("<circle class=\"point ").Append(Framework(series)).Append("\" cx=\"").Append(N(X(i)))
                        .Append("\" cy=\"").Append(N(scale.Position(value, Bottom, plotTop))).Append("\" r=\"3.5\">")
                        .Append("<title>").Append(E(SvgBarChart.Tooltip(chart, series, i))).Append("</title></circle>");
                }
            }
        }

        return svg.ToString();
    }
}
