using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ComparisonSite.Markdown;

/// <summary>
/// Wraps every table in a focusable region that scrolls sideways on its own, so a wide table never
/// makes the whole page scroll on a phone and keyboard users can still scroll it.
/// </summary>
public sealed class ScrollableTablesExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html && html.ObjectRenderers.FindExact<HtmlTableRenderer>() is { } inner)
        {
            html.ObjectRenderers.Replace<HtmlTableRenderer>(new ScrollableTableRenderer(inner));
        }
    }

    private sealed class ScrollableTableRenderer(HtmlTableRenderer inner) : HtmlObjectRenderer<Table>
    {
        protected override void Write(HtmlRenderer renderer, Table table)
        {
            renderer.EnsureLine();
            // Each scrollable region needs its own accessible name: the table's column headings give one.
            var headings = table.OfType<TableRow>().FirstOrDefault(r => r.IsHeader)?.OfType<TableCell>()
                .Select(c => string.Concat(c.Descendants<LiteralInline>().Select(l => l.Content.ToString()))) ?? [];
            renderer.Write("<div class=\"table-scroll\" role=\"region\" aria-label=\"")
                .WriteEscape("Table: " + string.Join(", ", headings))
                .WriteLine("\" tabindex=\"0\">");
            inner.Write(renderer, table);
            renderer.WriteLine("</div>");
        }
    }
}
