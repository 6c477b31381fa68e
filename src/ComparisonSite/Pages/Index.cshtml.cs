using System.Globalization;
using ComparisonSite.Content;
using ComparisonSite.Seo;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace ComparisonSite.Pages;

public sealed class IndexModel(ContentLibrary library, IOptions<SiteOptions> site, SiteUrls urls) : PageModel
{
    private const string Description =
        "Technology comparisons with verdicts, head-to-head tables and benchmark figures that come from " +
        "recorded runs, not from memory.";

    public IReadOnlyList<ComparisonArticle> Comparisons { get; private set; } = [];

    public CultureInfo Culture { get; } = CultureInfo.GetCultureInfo(site.Value.Culture);

    public void OnGet()
    {
        Comparisons =
        [
            .. library.Published
                .OrderByDescending(a => a.Meta.Updated)
                .ThenBy(a => a.Meta.Title, StringComparer.Ordinal),
        ];
        ViewData[nameof(PageMetadata)] = new PageMetadata
        {
            Title = $"{site.Value.Name}: technology comparisons backed by benchmark data",
            Description = Description,
            Canonical = urls.Absolute("/"),
            StructuredData = [StructuredData.ForHome(urls, site.Value.Name, Description)],
        };
    }
}
