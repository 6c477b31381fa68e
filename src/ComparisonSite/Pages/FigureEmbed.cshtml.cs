using ComparisonSite.Articles;
using ComparisonSite.Figures;
using ComparisonSite.Routing;
using ComparisonSite.Seo;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace ComparisonSite.Pages;

/// <summary>
/// <c>/&lt;slug&gt;/figures/&lt;id&gt;</c>: one figure of a comparison on a page of its own, made to be shown in an
/// iframe on other sites (the only route that may be framed). The figure is the article's own HTML; the page adds
/// where it comes from and a link back, is kept out of search results and names the article as canonical.
/// </summary>
[AllowFraming]
public sealed class FigureEmbedModel(
    ArticlePageRenderer renderer,
    SiteUrls urls,
    IOptions<SiteOptions> site) : PageModel
{
    public RenderedFigure? Figure { get; private set; }

    public string ArticleTitle { get; private set; } = "";

    /// <summary>The figure in the article: <c>/&lt;slug&gt;#&lt;id&gt;</c>.</summary>
    public string ArticleHref { get; private set; } = "";

    /// <summary>
    /// The figure's HTML as the article has it, except that its in-page links ("#methodology", "#&lt;id&gt;") name
    /// the article, where their targets are.
    /// </summary>
    public string FigureHtml { get; private set; } = "";

    public string SiteName => site.Value.Name;

    public IActionResult OnGet(string id)
    {
        var (article, snapshot) = HttpContext.Comparison();
        var page = renderer.Render(article, snapshot);
        Figure = page.Figures.FirstOrDefault(f => f.Id == id);
        if (Figure is null)
        {
            return NotFound();
        }

        (ArticleTitle, ArticleHref) = (article.Meta.Title, SiteAddresses.InArticle(article.Slug, id));
        var inArticle = SiteAddresses.InArticle(article.Slug, "");
        FigureHtml = Figure.Html.Replace("href=\"#", $"href=\"{inArticle}", StringComparison.Ordinal);
        Response.GetTypedHeaders().LastModified = page.Modified;
        ViewData[nameof(PageMetadata)] = new PageMetadata
        {
            Title = Figure.Title,
            Description = $"{Figure.Title}, from {article.Meta.Title}.",
            // The article is the page that stands for this figure in search; no noindex beside it (mixed signals).
            Canonical = urls.Comparison(article.Slug),
        };
        return Page();
    }
}
