using System.Globalization;
using ComparisonSite.Results.Store;
using Markdig.Renderers;

namespace ComparisonSite.Figures;

/// <summary>An HTML renderer that carries the figures of one render to the data-reference renderers.</summary>
public sealed class FigureHtmlRenderer(TextWriter writer, FigureContext? context) : HtmlRenderer(writer)
{
    public FigureContext? Context { get; } = context;

    /// <summary>A number with its provenance: a link to the methodology whose title names the run, date and source.</summary>
    public void WriteFigure(StoredRun run, string text, double value)
    {
        var context = Context!;
        if (!EnableHtmlForInline)
        {
            // Plain-text rendering (structured data): the words, without markup.
            WriteEscape(text);
            return;
        }

        Write("<a class=\"figure\" href=\"").WriteEscape(context.MethodologyHref).Write("\" title=\"").WriteEscape(context.Provenance(run)).Write("\">")
            .Write("<data value=\"").Write(value.ToString("R", CultureInfo.InvariantCulture)).Write("\">").WriteEscape(text).Write("</data></a>");
    }

    /// <summary>
    /// A reference that cannot be resolved never shows a wrong or empty number: development gets a highlighted
    /// error, production a visible "n/a"; either way the problem is recorded with file and line.
    /// </summary>
    public void WriteUnresolved(int line, string source, string message, bool block)
    {
        var context = Context!;
        context.Problems.Add(new FigureProblem(context.File, context.FirstLine + line, $"{{{{{source}}}}}: {message}"));
        var tag = block ? "div" : "span";
        if (!EnableHtmlForInline)
        {
            Write("n/a");
        }
        else if (context.ShowErrors)
        {
            Write('<').Write(tag).Write(" class=\"figure-error\" role=\"note\">Data reference problem: <code>{{").WriteEscape(source).Write("}}</code> ")
                .WriteEscape(message).Write("</").Write(tag).Write('>');
        }
        else
        {
            Write(block ? "<p>" : string.Empty).Write("<span class=\"figure-missing\" title=\"This figure is not available\">n/a</span>").Write(block ? "</p>" : string.Empty);
        }
    }

    public void WriteDownloads()
    {
        var context = Context!;
        Write("<p class=\"figure-downloads\">Data: <a href=\"").WriteEscape(context.CsvHref).Write("\" download>CSV</a> · <a href=\"")
            .WriteEscape(context.JsonHref).Write("\" download>JSON</a> · <a href=\"").WriteEscape(context.MethodologyHref).Write("\">methodology</a></p>");
    }
}
