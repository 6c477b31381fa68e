using System.Globalization;
using ComparisonSite.Articles;
using ComparisonSite.Content;
using ComparisonSite.Results.Store;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace ComparisonSite.Pages;

/// <summary>One comparison as a long-form article. The slug is looked up in the loaded content, never on disk.</summary>
public sealed class ComparisonModel(ContentLibrary library, ResultsStore results, ArticlePageRenderer renderer, IOptions<SiteOptions> site) : PageModel
{
    public ArticlePage? Article { get; private set; }

    public CultureInfo Culture { get; } = CultureInfo.GetCultureInfo(site.Value.Culture);

    public IActionResult OnGet(string slug)
    {
        var article = library.FindPublished(slug);
        if (article is null)
        {
            return NotFound();
        }

        if (results.Current is not { } snapshot)
        {
            // The store was down at start-up: better an honest "try again" than a page with empty figures.
            Response.Headers.RetryAfter = StatusCodeModel.RetryAfterSeconds;
            return StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        Article = renderer.Render(article, snapshot);
        return Page();
    }
}
