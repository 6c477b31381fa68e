using ComparisonSite.Articles;
using ComparisonSite.Content;
using ComparisonSite.Front;
using ComparisonSite.Routing;
using ComparisonSite.Seo;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace ComparisonSite.Pages;

/// <summary>One comparison as a long-form article. The slug is looked up in the loaded content, never on disk.
/// </summary>
public sealed class ComparisonModel(
    ContentLibrary library,
    ArticlePageRenderer renderer,
    SiteUrls urls,
    IOptions<SiteOptions> site) : PageModel
{
    public ArticlePage? Article { get; private set; }

    /// <summary>The comparisons shown at the end of the article (<see cref="RelatedComparisons"/>).</summary>
    public IReadOnlyList<ComparisonArticle> Related { get; private set; } = [];

    public IActionResult OnGet()
    {
        var (article, snapshot) = HttpContext.Comparison();
        Article = renderer.Render(article, snapshot);
        Related = RelatedComparisons.For(library, article);
        Response.GetTypedHeaders().LastModified = Article.Modified;
        ViewData[nameof(PageMetadata)] = new PageMetadata
        {
            Title = article.Meta.Title,
            Description = article.Meta.Description,
            Canonical = urls.Comparison(article.Slug),
            OpenGraphType = "article",
            Published = Article.Published,
            Modified = Article.Modified,
            Image = urls.Absolute(article.Meta.Image ?? SocialCards.Default),
            ImageAlt = article.Meta.Title,
            StructuredData = StructuredData.ForArticle(Article, snapshot, urls, site.Value.Name),
        };
        return Page();
    }
}
