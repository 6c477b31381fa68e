using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ComparisonSite.Markdown;

/// <summary>
/// Wraps every table in a focusable region that scrolls sideways on its own, so a wide table never
/// makes the whole page scroll on a phone and keyboard users can still scroll it; and marks it for the figure
/// tables' narrow layout, under which a phone needs no sideways scroll at all.
/// </summary>
public sealed class ScrollableTablesExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline) =>
        pipeline.DocumentProcessed += document =>
        {
            foreach (var table in document.Descendants<Table>())
            {
                MarkForNarrowScreens(table, Headings(table));
            }
        };

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html && html.ObjectRenderers.FindExact<HtmlTableRenderer>() is { } inner)
        {
            html.ObjectRenderers.Replace<HtmlTableRenderer>(new ScrollableTableRenderer(inner));
        }
    }

    /// <summary>
    /// The figure tables' narrow layout (site.css) for an editor's table too: each row's first cell above the
    /// rest, each of those under its column's heading. Marked as the document is parsed, once: a parsed document
    /// may be rendered by several threads at once.
    /// </summary>
    private static void MarkForNarrowScreens(Table table, List<string> headings)
    {
        if (headings.Count < 2)
        {
            return;
        }

        var attributes = table.GetAttributes();
        attributes.AddClass("figure-table");
        attributes.AddProperty(
            "data-columns", (headings.Count - 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var row in table.OfType<TableRow>().Where(r => !r.IsHeader))
        {
            var cells = row.OfType<TableCell>().ToList();
            for (var i = 0; i < cells.Count; i++)
            {
                if (i == 0)
                {
                    cells[i].GetAttributes().AddClass("row-heading");
                }
                else if (i < headings.Count)
                {
                    cells[i].GetAttributes().AddProperty("data-column", headings[i]);
                }
            }
        }
    }

    // The column headings' text.
    private static List<string> Headings(Table table) =>
        table.OfType<TableRow>().FirstOrDefault(r => r.IsHeader)?.OfType<TableCell>()
            .Select(c => string.Concat(c.Descendants<LiteralInline>().Select(l => l.Content.ToString())))
            .ToList() ?? [];

    private sealed class ScrollableTableRenderer(HtmlTableRenderer inner) : HtmlObjectRenderer<Table>
    {
        protected override void Write(HtmlRenderer renderer, Table table)
        {
            renderer.EnsureLine();
            // Each scrollable region needs its own accessible name: the table's column headings give one.
            renderer.Write("<div class=\"table-scroll\" role=\"region\" aria-label=\"")
                .WriteEscape("Table: " + string.Join(", ", Headings(table)))
                .WriteLine("\" tabindex=\"0\">");
            inner.Write(renderer, table);
            renderer.WriteLine("</div>");
        }
    }
}
