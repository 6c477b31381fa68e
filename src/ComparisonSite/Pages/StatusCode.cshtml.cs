using ComparisonSite.Content;
using ComparisonSite.Routing;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ComparisonSite.Pages;

/// <summary>
/// The page shown for an error status (404 and friends). It keeps the original status code and is only
/// reached by re-execution; requested directly it is itself a 404.
/// </summary>
public sealed class StatusCodeModel(ContentLibrary library) : PageModel
{
    public string Heading { get; private set; } = "Page not found";

    public string Explanation { get; private set; } =
        "There is no page at this address. It may have moved, or the link may be mistyped.";

    public IReadOnlyList<ComparisonArticle> Comparisons { get; private set; } = [];

    public void OnGet(int code)
    {
        var reExecuted = HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not null;
        Response.StatusCode = reExecuted ? code : StatusCodes.Status404NotFound;
        if (reExecuted && code == StatusCodes.Status503ServiceUnavailable)
        {
            Heading = "Back in a moment";
            Explanation = "This page's benchmark figures are still loading. Please try again in a few seconds.";
            Response.Headers.RetryAfter = SlugPolicy.RetryAfterSeconds;
        }
        else if (reExecuted && code == StatusCodes.Status410Gone)
        {
            Heading = "This comparison has been withdrawn";
            Explanation = "We took this comparison down on purpose and it will not come back. " +
                "Other comparisons are listed below.";
        }
        else if (reExecuted && code == StatusCodes.Status405MethodNotAllowed)
        {
            Heading = "Method not allowed";
            Explanation = "This site is read-only: pages answer GET and HEAD requests.";
        }
        else if (reExecuted && code != StatusCodes.Status404NotFound)
        {
            Heading = $"Error {code}";
            Explanation = "The request could not be served.";
        }

        Comparisons = [.. library.Published.OrderBy(a => a.Meta.Title, StringComparer.Ordinal)];
    }
}
