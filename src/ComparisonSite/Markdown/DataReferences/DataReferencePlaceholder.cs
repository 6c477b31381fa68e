using Markdig.Renderers;

namespace ComparisonSite.Markdown.DataReferences;

/// <summary>What a reference shows in a render without a results snapshot: a placeholder, never a number.</summary>
internal static class DataReferencePlaceholder
{
    public static void Write(HtmlRenderer renderer, string source)
    {
        renderer.Write("<span class=\"data-pending\" title=\"Benchmark figure from the results store: ")
            .WriteEscape(source).Write("\">[benchmark data pending]</span>");
    }
}
