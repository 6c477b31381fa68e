using System.Globalization;
using ComparisonSite.Content;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace ComparisonSite.Pages;

public sealed class IndexModel(ContentLibrary library, IOptions<SiteOptions> site) : PageModel
{
    public IReadOnlyList<ComparisonArticle> Comparisons { get; private set; } = [];

    public CultureInfo Culture { get; } = CultureInfo.GetCultureInfo(site.Value.Culture);

    public void OnGet() =>
        Comparisons = [.. library.Published.OrderByDescending(a => a.Meta.Updated).ThenBy(a => a.Meta.Title, StringComparer.Ordinal)];
}
