using Markdig.Syntax;

namespace ComparisonSite.Markdown.DataReferences;

/// <summary>A malformed reference is a content error caught at load time, naming the file and line.</summary>
internal static class DataReferencePolicy
{
    public static void Check(
        MarkdownDocument document, string file, int firstLine, ICollection<ContentDiagnostic> diagnostics)
    {
        foreach (var inline in document.Descendants<DataReferenceInline>().Where(i => i.Error is not null))
        {
            diagnostics.Add(ContentDiagnostic.Error(file, firstLine + inline.Line, inline.Error!));
        }

        foreach (var block in document.Descendants<DataBlock>().Where(b => b.Error is not null))
        {
            diagnostics.Add(ContentDiagnostic.Error(file, firstLine + block.Line, block.Error!));
        }
    }

    /// <summary>The runs these bodies pin with run=ID, distinct and in order.</summary>
    public static IReadOnlyList<string> PinnedRunIds(IEnumerable<MarkdownDocument> bodies) =>
        [.. bodies.SelectMany(References).Select(r => r.RunId).OfType<string>()
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>Every reference in a document, for checks and for finding pinned runs.</summary>
    public static IEnumerable<DataReference> References(MarkdownDocument document) =>
        document.Descendants<DataReferenceInline>().Select(i => i.Reference)
            .Concat(document.Descendants<DataBlock>().Select(b => b.Reference))
            .OfType<DataReference>();
}
