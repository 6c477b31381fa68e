using ComparisonSite.Articles;
using ComparisonSite.Caching;
using ComparisonSite.Figures;
using ComparisonSite.Figures.Calculator;
using ComparisonSite.Routing;
using ComparisonSite.Seo;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ComparisonSite.Pages;

/// <summary>
/// <c>/&lt;slug&gt;/cost?requests=…&amp;peak=…&amp;headroom=…</c>: the article's cost calculator for the reader's
/// input, where its form sends without JavaScript. A valid query not in its one canonical form answers 301 to it;
/// refused input answers 400 with the form and a message per field. Out of the page cache (it keys on the path and
/// this page is cheap), out of search results (the article stands for it).
/// </summary>
[NoPageCache]
public sealed class CostModel(SiteUrls urls, FigureFormatter formatter) : PageModel
{
    public string ArticleTitle { get; private set; } = "";

    /// <summary>The calculator in the article.</summary>
    public string ArticleHref { get; private set; } = "";

    public string CalculatorHtml { get; private set; } = "";

    public bool Refused { get; private set; }

    public IActionResult OnGet()
    {
        var (article, snapshot) = HttpContext.Comparison();
        if (ArticleCalculator.Find(article) is not { Reference: { } reference } block)
        {
            return NotFound();
        }

        var defaults = reference.CalculatorDefault;
        var query = CostQuery.Parse(Request.Query, defaults);
        if (query.Input is { } input && Request.QueryString.Value != CostPage.CanonicalQuery(input))
        {
            return RedirectPermanent(SiteAddresses.Cost(article.Slug) + CostPage.CanonicalQuery(input));
        }

        // Refused input keeps the fields as entered, with their messages, beside the default result.
        var html = ArticleCalculator.Render(article, block, snapshot, formatter, query.Input ?? defaults, query.Form);
        if (html is null)
        {
            return NotFound();
        }

        ArticleTitle = article.Meta.Title;
        ArticleHref = SiteAddresses.InArticle(article.Slug, "calculator");
        CalculatorHtml = html;
        Refused = query.Input is null;
        if (Refused)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        var traffic = (query.Input ?? defaults).RequestsPerDay.ToString("N0", formatter.Culture);
        ViewData[nameof(PageMetadata)] = new PageMetadata
        {
            Title = $"Server cost at {traffic} requests a day: {article.Meta.Title}",
            Description = $"Servers and monthly cost per framework at {traffic} requests a day, "
                + $"from {article.Meta.Title}.",
            Canonical = urls.Comparison(article.Slug),
            NoIndex = true,
        };
        return Page();
    }
}
