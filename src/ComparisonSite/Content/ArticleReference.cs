using ComparisonSite.Markdown.DataReferences;
using Markdig.Syntax;

namespace ComparisonSite.Content;

/// <summary>
/// A data reference an article makes, with where it stands: found once, when the article's files are read. What
/// every change asks of every comparison (the runs it cites, the runs it pins) reads these, not the Markdown, which
/// is parsed again only to render (see <see cref="ArticleDocuments"/>).
/// </summary>
/// <param name="Reference">The reference as parsed.</param>
/// <param name="File">The file it is in, relative to the content root.</param>
/// <param name="Line">Its line in that file.</param>
/// <param name="Part">The part of the page it is in: "the short answer", a section's title, or "the headline".</param>
/// <param name="InHeadline">
/// True for a reference in front matter's headline line, which is no part of the page's body.
/// </param>
public sealed record ArticleReference(DataReference Reference, string File, int Line, string Part, bool InHeadline)
{
    public const string SummaryPart = "the short answer";

    /// <summary>Every reference of one body (inline and block), in line order.</summary>
    internal static IEnumerable<ArticleReference> In(
        MarkdownDocument body, string file, int firstLine, string part, bool inHeadline = false) =>
        body.Descendants<DataReferenceInline>().Select(i => (i.Reference, i.Line))
            .Concat(body.Descendants<DataBlock>().Select(b => (b.Reference, b.Line)))
            .Where(r => r.Reference is not null)
            .OrderBy(r => r.Line)
            .Select(r => new ArticleReference(r.Reference!, file, firstLine + r.Line, part, inHeadline));
}
