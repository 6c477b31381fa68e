using System.Text;
using static ComparisonSite.Figures.Svg.SvgMarkup;

namespace ComparisonSite.Figures.Svg;

/// <summary>The legend above a chart: a swatch and a name per framework, wrapped into rows.</summary>
internal static class SvgLegend
{
    private const double RowHeight = 18;

    /// <summary>Writes the legend from the top of the drawing and returns where it ends.</summary>
    public static double Write(StringBuilder svg, IReadOnlyList<ChartSeries> series)
    {
        double x = 0, y = 2;
        svg.Append("<g class=\"legend\">");
        foreach (var item in series)
        {
            var width = 16 + TextWidth(item.Label) + 14;
            if (x > 0 && x + width > Width)
            {
                x = 0;
                y += RowHeight;
            }

            svg.Append("<g class=\"legend-item ").Append(Framework(item)).Append("\">")
                .Append("<rect class=\"swatch\" x=\"").Append(N(x)).Append("\" y=\"").Append(N(y + 2))
                .Append("\" width=\"11\" height=\"11\" rx=\"2\"/>")
                .Append("<text x=\"").Append(N(x + 16)).Append("\" y=\"").Append(N(y + 12)).Append("\">")
                .Append(E(item.Label)).Append("</text></g>");
            x += width;
        }

        svg.Append("</g>");
        return y + RowHeight;
    }
}
