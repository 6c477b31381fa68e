using ComparisonSite.Front;
using ComparisonSite.Seo;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace ComparisonSite.Pages;

public sealed class IndexModel(FrontPages front, IOptions<SiteOptions> site, SiteUrls urls) : PageModel
{
    private const string Description =
        "Technology comparisons with verdicts, head-to-head tables and benchmark figures that come from " +
        "recorded runs, not from memory.";

    public IReadOnlyList<ComparisonEntry> Comparisons { get; private set; } = [];

    public IReadOnlyList<SiteDataUpdate> LatestUpdates { get; private set; } = [];

    public IReadOnlyList<TagCount> Tags { get; private set; } = [];

    public void OnGet()
    {
        Comparisons = front.Entries();
        LatestUpdates = front.LatestUpdates();
        Tags = front.Tags();
        ViewData[nameof(PageMetadata)] = new PageMetadata
        {
            Title = $"{site.Value.Name}: technology comparisons backed by benchmark data",
            Description = Description,
            Canonical = urls.Absolute("/"),
            StructuredData = [StructuredData.ForHome(urls, site.Value.Name, Description)],
        };
    }
}
