using System.Globalization;
using System.Net;
using System.Text;

namespace ComparisonSite.Figures.Svg;

/// <summary>
/// The few pieces of SVG markup the chart drawings share: escaped text, coordinates in invariant culture, the
/// sizes of the drawing and a rough text width (system fonts differ; the layout leaves room for that).
/// </summary>
internal static class SvgMarkup
{
    /// <summary>The drawing's width in user units; the page scales it to the column.</summary>
    public const int Width = 480;

    /// <summary>The drawing's height: the chart box's CSS aspect ratio (8 / 5) matches it.</summary>
    public const int Height = 300;

    /// <summary>The font size in user units, set by the stylesheet.</summary>
    public const double FontSize = 12;

    public static string N(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>Text escaped for XML and HTML alike (inline SVG and the standalone file).</summary>
    public static string E(string text) => WebUtility.HtmlEncode(text);

    /// <summary>A generous estimate of a text's width at the chart's font size.</summary>
    public static double TextWidth(string text, double size = FontSize) => text.Length * size * 0.58;

    /// <summary>Words wrapped into lines of about <paramref name="width"/> user units.</summary>
    public static List<string> Wrap(string text, double width, double size = FontSize)
    {
        var lines = new List<string>();
        var line = new StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && TextWidth(line + " " + word, size) > width)
            {
                lines.Add(line.ToString());
                line.Clear();
            }

            line.Append(line.Length > 0 ? " " : string.Empty).Append(word);
        }

        if (line.Length > 0)
        {
            lines.Add(line.ToString());
        }

        return lines;
    }

    /// <summary>A framework's attributes: its colour class and the slug the framework filter hides it by.</summary>
    public static string Framework(ChartSeries series) =>
        $"series-{series.Colour.ToString(CultureInfo.InvariantCulture)}\" data-framework=\"{E(series.Framework)}";
}
