using Markdig.Renderers;

namespace ComparisonSite.Markdown.DataReferences;

/// <summary>What a reference shows when a render has no results snapshot: a visible placeholder, never a number.</summary>
internal static class DataReferencePlaceholder
{
    public static void Write(HtmlRenderer renderer, string source)
    {
        renderer.Write("<span class=\"data-pending\" title=\"Benchmark figure from the results store: ")
            .WriteEscape(source).Write("\">[benchmark data pending]</span>");
    }
}
