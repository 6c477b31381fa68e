using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace ComparisonSite.Markdown.DataReferences;

/// <summary>
/// Until the results store is wired in, a reference renders as a visible placeholder: a reader sees that a
/// figure belongs here, and no number is ever invented.
/// </summary>
public sealed class DataReferenceInlineRenderer : HtmlObjectRenderer<DataReferenceInline>
{
    protected override void Write(HtmlRenderer renderer, DataReferenceInline obj)
    {
        renderer.Write("<span class=\"data-pending\" title=\"Benchmark figure from the results store: ")
            .WriteEscape(obj.Source)
            .Write("\">[benchmark data pending]</span>");
    }
}
