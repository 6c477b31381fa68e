using ComparisonSite.Markdown;
using Markdig.Syntax;

namespace ComparisonSite.Content;

/// <summary>
/// One published comparison as loaded from content/&lt;slug&gt;/: its front matter, its summary and its
/// sections, parsed once per change of its files. Rendering to HTML happens later, against the results.
/// </summary>
public sealed record ComparisonArticle
{
    public required ArticleFrontMatter Meta { get; init; }

    public string Slug => Meta.Slug;

    /// <summary>The Markdown of the summary and every section, kept compressed and parsed on demand.</summary>
    public required ArticleDocuments Documents { get; init; }

    /// <summary>
    /// What the data references of the summary, the sections and the headline ask of the results, found when the
    /// files were read.
    /// </summary>
    public ArticleReferences References { get; init; } = ArticleReferences.None;

    /// <summary>The index file's body: the short verdict shown in a box at the top of the page.</summary>
    public MarkdownDocument Summary => Documents.Parsed.Summary;

    /// <summary>The index file's line number of the summary's first line: its block lines are offset by it.</summary>
    public int SummaryFirstLine { get; init; } = 1;

    public required IReadOnlyList<ArticleSection> Sections { get; init; }

    /// <summary>
    /// The verdict line as inline HTML: front matter <c>verdict</c>, or the description when the editor gives none.
    /// </summary>
    public string VerdictHtml { get; init; } = string.Empty;

    /// <summary>
    /// The headline figure line (front matter <c>headline</c>), parsed; null when there is none. Parsed again at each
    /// call (one line: microseconds) rather than held, as its tree is about 1 KB a comparison; the loader parsed it
    /// first and reported its problems.
    /// </summary>
    public MarkdownDocument? Headline => Meta.Headline is { } text
        ? ArticleMarkdown.ParseLine(
            text, "headline", Folder + "/" + ComparisonLoader.IndexFile, Meta.HeadlineLine, allowReferences: true, [])
        : null;

    /// <summary>
    /// The summary and every section body, in page order, then the headline: every Markdown whose references the
    /// article cites.
    /// </summary>
    public IEnumerable<MarkdownDocument> Bodies =>
        Sections.Select(s => s.Body).Prepend(Summary).Concat(Headline is null ? [] : [Headline]);

    /// <summary>Path of the comparison's folder relative to the content root, for messages.</summary>
    public required string Folder { get; init; }

    /// <summary>The newest write time among the comparison's files; feeds Last-Modified and reload checks.</summary>
    public required DateTimeOffset FilesModified { get; init; }
}

/// <summary>One section file of a comparison, parsed and ready to render.</summary>
public sealed record ArticleSection
{
    public required string Title { get; init; }
    public required int Order { get; init; }
    public required string Anchor { get; init; }
    public required string File { get; init; }

    /// <summary>The article's Markdown, and this section's place in it (0 for the first section).</summary>
    public required ArticleDocuments Documents { get; init; }

    public required int Index { get; init; }

    /// <summary>The section's body, parsed (see <see cref="ArticleDocuments"/>).</summary>
    public MarkdownDocument Body => Documents.Parsed.Section(Index);

    /// <summary>The file's line number of the body's first line: Markdown block lines are offset by it.</summary>
    public required int BodyFirstLine { get; init; }

    /// <summary>Questions and answers under ### headings, for FAQPage structured data.</summary>
    public bool IsFaq { get; init; }
}
