using ComparisonSite.Content;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ComparisonSite.Pages;

/// <summary>
/// The answers every page under a comparison's address gives alike: 404 for an unknown slug, 301 to the same page
/// under a renamed comparison's new slug, 410 for a withdrawn one, and 503 while the results store has not loaded.
/// </summary>
internal static class SlugAnswers
{
    /// <summary>
    /// The answer for a slug that names no readable comparison, or null when it does (then
    /// <c>resolution.Article</c> is the comparison). <paramref name="addressUnder"/> gives this page's address
    /// under the new slug (a path on this site, never built from the Host header), or null when there is none.
    /// </summary>
    public static IActionResult? Refusal(
        this PageModel page, SlugResolution resolution, Func<string, string?> addressUnder) =>
        resolution.Status switch
        {
            SlugStatus.NotFound => page.NotFound(),
            SlugStatus.Moved => addressUnder(resolution.Article!.Slug) is { } address
                ? page.RedirectPermanent(address)
                : page.NotFound(),
            SlugStatus.Gone => page.StatusCode(StatusCodes.Status410Gone),
            _ => null,
        };

    /// <summary>The store was down at start-up: better an honest "try again" than a page with empty figures.</summary>
    public static IActionResult ResultsNotLoaded(this PageModel page)
    {
        page.Response.Headers.RetryAfter = StatusCodeModel.RetryAfterSeconds;
        return page.StatusCode(StatusCodes.Status503ServiceUnavailable);
    }
}
