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

    /// <summary>Every reference in a document, for checks and for finding the runs an article cites.</summary>
    public static IEnumerable<DataReference> References(MarkdownDocument document) =>
        document.Descendants<DataReferenceInline>().Select(i => i.Reference)
            .Concat(document.Descendants<DataBlock>().Select(b => b.Reference))
            .OfType<DataReference>();
}
