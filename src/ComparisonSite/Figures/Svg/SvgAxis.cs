using System.Text;
using static ComparisonSite.Figures.Svg.SvgMarkup;

namespace ComparisonSite.Figures.Svg;

/// <summary>The value axis: a grid line and label per tick, and the zero line.</summary>
internal static class SvgAxis
{
    public static void ValueTicks(
        StringBuilder svg, IReadOnlyList<(double Value, string Text)> ticks, SvgScale scale, double left,
        double right, double top, double bottom, bool horizontal)
    {
        svg.Append("<g class=\"ticks\">");
        foreach (var (value, text) in ticks)
        {
            if (horizontal)
            {
                var x = N(scale.Position(value, left, right));
                svg.Append("<line class=\"grid\" x1=\"").Append(x).Append("\" x2=\"").Append(x).Append("\" y1=\"")
                    .Append(N(top)).Append("\" y2=\"").Append(N(bottom)).Append("\"/>")
                    .Append("<text text-anchor=\"middle\" x=\"").Append(x).Append("\" y=\"").Append(N(bottom + 14))
                    .Append("\">").Append(E(text)).Append("</text>");
            }
            else
            {
                var y = N(scale.Position(value, bottom, top));
                svg.Append("<line class=\"grid\" x1=\"").Append(N(left)).Append("\" x2=\"").Append(N(right))
                    .Append("\" y1=\"").Append(y).Append("\" y2=\"").Append(y).Append("\"/>")
                    .Append("<text text-anchor=\"end\" x=\"").Append(N(left - 5)).Append("\" y=\"").Append(y)
                    .Append("\" dy=\"4\">").Append(E(text)).Append("</text>");
            }
        }

        svg.Append(horizontal
            ? $"<line class=\"axis\" x1=\"{N(left)}\" x2=\"{N(left)}\" y1=\"{N(top)}\" y2=\"{N(bottom)}\"/>"
            : $"<line class=\"axis\" x1=\"{N(left)}\" x2=\"{N(right)}\" y1=\"{N(bottom)}\" y2=\"{N(bottom)}\"/>");
        svg.Append("</g>");
    }
}
