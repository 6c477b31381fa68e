using ComparisonSite.Editing;
using ComparisonSite.Results.Store;
using ComparisonSite.Seo;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ComparisonSite.Pages.Editor;

/// <summary>The reference catalogue (Development only; 404 elsewhere): see <see cref="ReferenceCatalogue"/>.</summary>
public sealed class ReferencesModel(IHostEnvironment environment, ResultsStore results) : PageModel
{
    public IReadOnlyList<CatalogueSuite> Suites { get; private set; } = [];

    public IActionResult OnGet()
    {
        if (!environment.IsDevelopment())
        {
            return NotFound();
        }

        if (results.Current is { } snapshot)
        {
            Suites = HttpContext.RequestServices.GetRequiredService<ReferenceCatalogue>().Build(snapshot);
        }

        ViewData[nameof(PageMetadata)] = new PageMetadata
        {
            Title = "Reference catalogue",
            Description = "Every data reference an article can use, with the value it renders now.",
            NoIndex = true,
        };
        return Page();
    }
}
