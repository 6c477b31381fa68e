using Markdig.Syntax;

namespace ComparisonSite.Markdown;

/// <summary>
/// The page owns the h1 (the article title) and the h2s (section titles), so a body may only use ### and below:
/// that keeps one h1 per page and an outline screen readers can follow.
/// </summary>
internal static class HeadingPolicy
{
    public static void Check(
        MarkdownDocument document,
        string file,
        int firstLine,
        ICollection<ContentDiagnostic> diagnostics)
    {
        foreach (var heading in document.Descendants<HeadingBlock>().Where(h => h.Level <= 2))
        {
            diagnostics.Add(ContentDiagnostic.Error(
                file,
                firstLine + heading.Line,
                $"a level-{heading.Level} heading is not allowed in a section body: "
                + "the page renders the title as h1 and each section title as h2; start at ###"));
        }
    }
}
