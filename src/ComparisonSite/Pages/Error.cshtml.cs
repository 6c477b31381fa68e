using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ComparisonSite.Pages;

[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    /// <summary>500 when the exception handler re-executes here; requested directly, there is no such page.</summary>
    public void OnGet() => Response.StatusCode = HttpContext.Features.Get<IExceptionHandlerFeature>() is null
        ? StatusCodes.Status404NotFound
        : StatusCodes.Status500InternalServerError;
}
