using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using static ComparisonSite.Figures.Svg.SvgMarkup;

namespace ComparisonSite.Figures.Svg;

/// <summary>
/// Wraps a chart drawing as the page shows it (inline, coloured by site.css in the reader's theme) or as a file of
/// its own (<c>/&lt;slug&gt;/figures/&lt;id&gt;.svg</c>: light colours in an embedded style element, the figure's
/// title above and its source below, so the file makes sense wherever it ends up).
/// </summary>
internal static class SvgDocument
{
    private const string Namespace = "http://www.w3.org/2000/svg";

    // The light theme's colours from site.css (--fg, --muted, --border, --series-1…8): a file read outside the
    // site has no custom properties to take them from.
    private static readonly string[] SeriesColours =
        ["#0b62c4", "#b54a00", "#18794e", "#8e3bb8", "#b3243b", "#3d4e5c", "#7a6400", "#006d75"];

    /// <summary>The standalone file's style element content; constant, so its CSP hash is too.</summary>
    public static readonly string Style = BuildStyle();

    /// <summary>The CSP source that allows exactly <see cref="Style"/> (a standalone SVG opened as a document).
    /// </summary>
    public static readonly string StyleHash =
        "'sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Style))) + "'";

    public static string Inline(SvgChart chart, string body) =>
        $"<svg class=\"chart-svg\" role=\"img\" aria-labelledby=\"{chart.Id}-svg-title\" "
        + $"aria-describedby=\"{chart.Id}-svg-desc\" viewBox=\"0 0 {Width} {Height}\" xmlns=\"{Namespace}\">"
        + $"<title id=\"{chart.Id}-svg-title\">{E(chart.Title)}</title>"
        + $"<desc id=\"{chart.Id}-svg-desc\">{E(chart.Description)}</desc>"
        + body + "</svg>";

    /// <param name="chart">The chart.</param>
    /// <param name="body">Its drawing (<see cref="SvgBarChart"/>, <see cref="SvgLineChart"/>).</param>
    /// <param name="caption">The figure's title, shown above the chart.</param>
    /// <param name="source">Where the numbers come from, shown below it.</param>
    public static string Standalone(SvgChart chart, string body, string caption, string source)
    {
        const double Margin = 12;
        var titleLines = Wrap(caption, Width, 14);
        var sourceLines = Wrap(source, Width, 10);
        var header = (titleLines.Count * 18) + 8;
        var height = header + Height + 8 + (sourceLines.Count * 13);
        var svg = new StringBuilder();
        svg.Append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        svg.Append("<svg xmlns=\"").Append(Namespace).Append("\" class=\"chart-svg\" role=\"img\" viewBox=\"")
            .Append(N(-Margin)).Append(' ').Append(N(-Margin)).Append(' ').Append(N(Width + (2 * Margin))).Append(' ')
            .Append(N(height + (2 * Margin))).Append("\" width=\"").Append(N(2 * (Width + (2 * Margin))))
            .Append("\" height=\"").Append(N(2 * (height + (2 * Margin)))).Append("\">");
        svg.Append("<title>").Append(E(chart.Title)).Append("</title>");
        svg.Append("<desc>").Append(E(caption + ". " + source)).Append("</desc>");
        svg.Append("<style>").Append(Style).Append("</style>");
        svg.Append("<rect class=\"background\" x=\"").Append(N(-Margin)).Append("\" y=\"").Append(N(-Margin))
            .Append("\" width=\"100%\" height=\"100%\"/>");
        for (var i = 0; i < titleLines.Count; i++)
        {
            svg.Append("<text class=\"figure-title\" x=\"0\" y=\"").Append(N(14 + (i * 18))).Append("\">")
                .Append(E(titleLines[i])).Append("</text>");
        }

        svg.Append("<g transform=\"translate(0 ").Append(N(header)).Append(")\">").Append(body).Append("</g>");
        for (var i = 0; i < sourceLines.Count; i++)
        {
            svg.Append("<text class=\"figure-source\" x=\"0\" y=\"").Append(N(header + Height + 18 + (i * 13)))
                .Append("\">").Append(E(sourceLines[i])).Append("</text>");
        }

        return svg.Append("</svg>\n").ToString();
    }

    private static string BuildStyle()
    {
        var style = new StringBuilder(
            "svg{font-family:system-ui,-apple-system,\"Segoe UI\",Roboto,\"Noto Sans\",sans-serif;font-size:12px}"
            + ".background{fill:#fff}text{fill:#1b1f24;stroke:none}.figure-title{font-size:14px;font-weight:600}"
            + ".figure-source{font-size:10px;fill:#57606a}.grid{stroke:#d0d7de}.axis{stroke:#57606a}"
            + ".whisker{fill:none;stroke:#1b1f24;stroke-width:1.5}");
        for (var i = 0; i < SeriesColours.Length; i++)
        {
            style.Append(CultureInfo.InvariantCulture, $".series-{i + 1}{{fill:{SeriesColours[i]};")
                .Append(CultureInfo.InvariantCulture, $"stroke:{SeriesColours[i]}}}");
        }

        return style.Append(".line{fill:none;stroke-width:2}").ToString();
    }
}
