using System.Globalization;
using ComparisonSite.Figures.Svg;
using ComparisonSite.Results.Store;
using Markdig.Renderers;

namespace ComparisonSite.Figures;

/// <summary>
/// Writes the figures of one data reference: the renderer to write to, the figures of this render, and where the
/// editor wrote the reference, so that every problem names its file and line. One per reference.
/// </summary>
/// <param name="renderer">The renderer of this render; plain text when it writes no inline HTML.</param>
/// <param name="context">The snapshot, article and problem list of this render.</param>
/// <param name="source">The reference as written, between the braces.</param>
/// <param name="line">The reference's 0-based line in the Markdown body.</param>
public sealed class FigureWriter(HtmlRenderer renderer, FigureContext context, string source, int line)
{
    public HtmlRenderer Html { get; } = renderer;

    public FigureContext Context { get; } = context;

    /// <summary>The block in words, filled in by the writer as it writes (see <see cref="FigureReading"/>).</summary>
    public FigureReading Reading { get; } = new();

    /// <summary>False for plain-text rendering (structured data): the words, without markup.</summary>
    public bool WritesHtml => Html.EnableHtmlForInline;

    /// <summary>Where the HTML written so far ends: pass it to <see cref="AddFigure"/> once the figure is written.
    /// </summary>
    public int Mark() => Html.Writer is StringWriter writer ? writer.GetStringBuilder().Length : 0;

    /// <summary>
    /// Records the figure written since <paramref name="mark"/>, so that it can be linked, embedded and downloaded
    /// on its own. Plain-text renders (structured data) record nothing.
    /// </summary>
    public void AddFigure(string id, string kind, string title, int mark, FigureData data, string? svg = null)
    {
        if (!WritesHtml || Html.Writer is not StringWriter writer)
        {
            return;
        }

        var text = writer.GetStringBuilder();
        var html = text.ToString(mark, text.Length - mark).Trim();
        Context.AddFigure(new RenderedFigure(id, kind, title, html, data, svg));
    }

    /// <summary>
    /// A chart's drawing, written alike for bars and trends: the server-drawn SVG (what a reader without script
    /// sees), the hidden canvas Chart.js draws into once the script loads, and the chart's data for that script.
    /// </summary>
    internal void WriteChartBox(string boxClass, SvgFigure svg, string canvasLabel, string id, string json)
    {
        Html.Write("<div class=\"").Write(boxClass).Write("\">").Write(SvgDocument.Inline(svg.Chart, svg.Body));
        Html.Write("<div class=\"chart-canvas\" hidden>");
        Html.Write("<canvas aria-label=\"").WriteEscape(canvasLabel).Write("\" role=\"img\"></canvas>");
        Html.WriteLine("</div></div>");
        // JsonSerializer's default encoder escapes <, >, & and quotes, so no string can close the script element.
        Html.Write("<script type=\"application/json\" id=\"").Write(id).Write("-data\">").Write(json)
            .WriteLine("</script>");
    }

    /// <summary>The runs the reference cites, in order, or null after writing why one of them is missing.</summary>
    public IReadOnlyList<RunResults>? Runs(IReadOnlyList<RunSelector> selectors, bool block)
    {
        var runs = new List<RunResults>(selectors.Count);
        foreach (var selector in selectors)
        {
            if (Context.Run(selector, out var problem) is not { } run)
            {
                WriteUnresolved(problem!, block);
                return null;
            }

            runs.Add(run);
        }

        return runs;
    }

    /// <summary>
    /// A number with its provenance: a link to the methodology whose title names the run, date and source.
    /// </summary>
    public void WriteFigure(StoredRun run, string text, double value)
    {
        if (!WritesHtml)
        {
            Html.WriteEscape(text);
            return;
        }

        Html.Write("<a class=\"figure\" href=\"").WriteEscape(Context.MethodologyHref)
            .Write("\" title=\"").WriteEscape(Context.Provenance(run)).Write("\">");
        Html.Write("<data value=\"").Write(value.ToString("R", CultureInfo.InvariantCulture)).Write("\">");
        Html.WriteEscape(text);
        Html.Write("</data>");
        Html.Write("</a>");
    }

    /// <summary>
    /// A reference that cannot be resolved never shows a wrong or empty number: development gets a highlighted
    /// error, production a visible "n/a"; either way the problem is recorded with file and line.
    /// </summary>
    public void WriteUnresolved(string message, bool block)
    {
        Context.Problems.Add(new FigureProblem(Context.File, Context.FirstLine + line, $"{{{{{source}}}}}: {message}"));
        if (block)
        {
            Reading.Caption = "n/a";
        }

        var tag = block ? "div" : "span";
        if (!WritesHtml)
        {
            Html.Write("n/a");
        }
        else if (Context.ShowErrors)
        {
            Html.Write($"<{tag} class=\"figure-error\" role=\"note\">");
            Html.Write("Data reference problem: ");
            Html.Write("<code>{{").WriteEscape(source).Write("}}</code>");
            Html.Write(' ');
            Html.WriteEscape(message);
            Html.Write($"</{tag}>");
        }
        else
        {
            if (block)
            {
                Html.Write("<p>");
            }

            Html.Write("<span class=\"figure-missing\" title=\"This figure is not available\">n/a</span>");
            if (block)
            {
                Html.Write("</p>");
            }
        }
    }

    /// <summary>
    /// The line under a table or chart linking to its data, every run's page, the methodology and the figure itself
    /// (a chart also as SVG).
    /// </summary>
    public void WriteDownloads(IReadOnlyList<RunResults> runs, string id, bool chart = false)
    {
        Html.Write("<p class=\"figure-downloads\">");
        Html.Write("Data: ");
        for (var i = 0; i < runs.Count; i++)
        {
            if (runs.Count > 1)
            {
                Html.Write(i > 0 ? "; " : string.Empty).WriteEscape(Context.RunLabel(runs[i].Run)).Write(' ');
            }

            WriteDataLinks(runs[i].Run);
        }

        Html.Write(" · ");
        Html.Write("<a href=\"").WriteEscape(Context.DataPageHref).Write("\">all runs</a>");
        Html.Write(" · ");
        Html.Write("<a href=\"").WriteEscape(Context.MethodologyHref).Write("\">methodology</a>");
        WriteFigureLinks(id, " · ", chart);
        Html.Write("</p>");
    }

    /// <summary>
    /// " · CSV (this figure) · SVG · Embed · #id": the figure's own data, a chart's drawing and the embed page
    /// (article figures only: they are the ones with addresses of their own) and its permanent link, visible without
    /// JavaScript. figures.js adds "Copy link" and the embed snippet; chart-loader.js shows and wires "PNG" beside
    /// the SVG (drawn from it), since without JavaScript there is nothing to draw it.
    /// </summary>
    public void WriteFigureLinks(string id, string separator, bool chart = false)
    {
        Html.Write(separator);
        if (Context.ArticleFigures)
        {
            Html.Write("<a href=\"").WriteEscape(Context.FigureHref(id, "csv")).Write("\" download>")
                .Write("CSV (this figure)</a>");
            if (chart)
            {
                Html.Write(" · <a class=\"figure-svg\" href=\"").WriteEscape(Context.FigureHref(id, "svg"))
                    .Write("\" download>SVG</a>");
                // Its room is kept from the start (invisible until chart-loader.js wires it), so the line does not
                // move when it appears.
                Html.Write("<span class=\"figure-png-slot\"> · ")
                    .Write("<button type=\"button\" class=\"link-button figure-png\">PNG</button></span>");
            }

            Html.Write(" · <a class=\"figure-embed\" href=\"").WriteEscape(Context.FigureHref(id))
                .Write("\">Embed</a> · ");
        }

        Html.Write("<a class=\"figure-anchor\" href=\"#").WriteEscape(id).Write("\">#").WriteEscape(id).Write("</a>");
    }

    /// <summary>"CSV · JSON": a run's results as downloads.</summary>
    public void WriteDataLinks(StoredRun run)
    {
        Html.Write("<a href=\"").WriteEscape(Context.DataHref(run, "csv")).Write("\" download>CSV</a>");
        Html.Write(" · ");
        Html.Write("<a href=\"").WriteEscape(Context.DataHref(run, "json")).Write("\" download>JSON</a>");
    }
}
