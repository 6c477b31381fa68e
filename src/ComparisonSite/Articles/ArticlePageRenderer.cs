using System.Runtime.CompilerServices;
using ComparisonSite.Content;
using ComparisonSite.Markdown;

namespace ComparisonSite.Articles;

/// <summary>
/// Turns a loaded article into HTML once and remembers the result for as long as that article version is
/// live: a request for a page costs a lookup, not a Markdown render.
/// </summary>
public sealed class ArticlePageRenderer
{
    private readonly ConditionalWeakTable<ComparisonArticle, ArticlePage> _rendered = [];

    public ArticlePage Render(ComparisonArticle article) => _rendered.GetValue(article, Build);

    private static ArticlePage Build(ComparisonArticle article) => new(
        article,
        ArticleMarkdown.ToHtml(article.Summary),
        [.. article.Sections.Select(s => new RenderedSection(s.Title, s.Anchor, ArticleMarkdown.ToHtml(s.Body)))]);
}
