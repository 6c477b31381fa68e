using ComparisonSite.Content;

namespace ComparisonSite.Articles;

/// <summary>What the comparison page shows: an article rendered to HTML, ready for the view.</summary>
public sealed record ArticlePage(ComparisonArticle Article, string SummaryHtml, IReadOnlyList<RenderedSection> Sections)
{
    public ArticleFrontMatter Meta => Article.Meta;
}

/// <summary>One section of the page: its heading, its anchor for the table of contents, and its body.</summary>
public sealed record RenderedSection(string Title, string Anchor, string Html);
