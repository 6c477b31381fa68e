using System.Net;
using ComparisonSite.Figures;
using ComparisonSite.Markdown.DataReferences;
using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Extensions.EmphasisExtras;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ComparisonSite.Markdown;

/// <summary>
/// The one Markdown dialect editors write: CommonMark plus pipe tables, footnotes, smart quotes, heading ids
/// and the data-reference syntax. Raw HTML is not allowed (it is escaped and shown as text), so nothing an
/// editor types can inject markup or script.
/// </summary>
public static class ArticleMarkdown
{
    public static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseFootnotes()
        .UseEmphasisExtras(EmphasisExtraOptions.Strikethrough)
        .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)
        .UseSmartyPants()
        .Use<ScrollableTablesExtension>()
        .UseDataReferences()
        .DisableHtml()
        .Build();

    /// <summary>Parses an editor's Markdown body and applies the site's link and heading rules to it.</summary>
    public static MarkdownDocument Parse(
        string body,
        string file,
        int firstLine,
        ICollection<ContentDiagnostic> diagnostics)
    {
        var document = Markdig.Markdown.Parse(body, Pipeline);
        LinkPolicy.Apply(document, file, firstLine, diagnostics);
        HeadingPolicy.Check(document, file, firstLine, diagnostics);
        DataReferencePolicy.Check(document, file, firstLine, diagnostics);
        return document;
    }

    /// <summary>
    /// Renders a parsed body (or one block of it), taking benchmark figures from <paramref name="figures"/> (without
    /// it, data references render as placeholders). Rendering reads the tree and never changes it, so it is safe in
    /// parallel.
    /// </summary>
    public static string ToHtml(MarkdownObject document, FigureContext? figures = null)
    {
        using var writer = new StringWriter();
        // Parse already refused what the link policy refuses; the rewriter keeps that true for any node type
        // that writes a URL, including ones a future extension adds.
        var renderer = new FigureHtmlRenderer(writer, figures) { LinkRewriter = LinkPolicy.ForRendering };
        Pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }

    /// <summary>
    /// Renders a one-paragraph body (a front matter line such as the verdict or the headline) as inline HTML,
    /// without the paragraph element, so it can stand inside a card's own element.
    /// </summary>
    public static string ToInlineHtml(MarkdownDocument document, FigureContext? figures = null)
    {
        using var writer = new StringWriter();
        var renderer = new FigureHtmlRenderer(writer, figures) { LinkRewriter = LinkPolicy.ForRendering };
        Pipeline.Setup(renderer);
        foreach (var paragraph in document.OfType<ParagraphBlock>())
        {
            renderer.WriteLeafInline(paragraph);
        }

        writer.Flush();
        return writer.ToString().Trim();
    }

    /// <summary>
    /// Renders parts of a parsed body as the words a reader sees: no markup, entities decoded, lines joined by
    /// spaces. Site search, the FAQ's structured data and the import dry run read articles so. With
    /// <paramref name="inlinesOnly"/> a leaf block writes only its inlines (a heading's words, not the heading).
    /// </summary>
    public static string ToPlainText(
        IEnumerable<MarkdownObject> parts, FigureContext? figures, bool inlinesOnly = false)
    {
        using var writer = new StringWriter();
        var renderer = new FigureHtmlRenderer(writer, figures)
        {
            EnableHtmlForBlock = false,
            EnableHtmlForInline = false,
        };
        Pipeline.Setup(renderer);
        foreach (var part in parts)
        {
            switch (part)
            {
                case ContainerInline inlines:
                    renderer.WriteChildren(inlines);
                    break;
                case LeafBlock { Inline: { } inlines } when inlinesOnly:
                    renderer.WriteChildren(inlines);
                    break;
                default:
                    renderer.Render(part);
                    break;
            }
        }

        writer.Flush();
        return WebUtility.HtmlDecode(writer.ToString()).ReplaceLineEndings(" ").Trim();
    }

    /// <summary>
    /// Parses a front matter value that must read as one line of prose: one paragraph, no headings, lists or
    /// figures of their own; with <paramref name="allowReferences"/> false, no data references either.
    /// </summary>
    public static MarkdownDocument? ParseLine(
        string text,
        string key,
        string file,
        int line,
        bool allowReferences,
        ICollection<ContentDiagnostic> diagnostics)
    {
        var problems = new List<ContentDiagnostic>();
        var document = Parse(text, file, line, problems);
        foreach (var problem in problems)
        {
            diagnostics.Add(problem);
        }

        if (document.Count != 1 || document[0] is not ParagraphBlock)
        {
            diagnostics.Add(ContentDiagnostic.Error(
                file, line, $"'{key}' must be one line of text (inline Markdown), not headings, lists or blocks"));
            return null;
        }

        if (!allowReferences && DataReferencePolicy.References(document).Any())
        {
            diagnostics.Add(ContentDiagnostic.Error(
                file, line, $"'{key}' is words only; put figures from the store in 'headline'"));
            return null;
        }

        return problems.Any(p => p.Severity == DiagnosticSeverity.Error) ? null : document;
    }
}
