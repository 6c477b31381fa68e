using Markdig.Renderers;

namespace ComparisonSite.Figures;

/// <summary>
/// An HTML renderer that carries the figures of one render to the data-reference renderers. Without a context
/// (a plain Markdown render) references render as placeholders.
/// </summary>
public sealed class FigureHtmlRenderer(TextWriter writer, FigureContext? context) : HtmlRenderer(writer)
{
    public FigureContext? Context { get; } = context;
}
