using ComparisonSite.Front;
using ComparisonSite.Seo;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace ComparisonSite.Pages;

public sealed class IndexModel(FrontPages front, IOptions<SiteOptions> site, SiteUrls urls) : PageModel
{
    private const string Description =
        "Technology comparisons with verdicts, head-to-head tables and benchmark figures that come from " +
        "recorded runs, not from memory.";

    public IReadOnlyList<ComparisonEntry> Comparisons => Listing?.Entries ?? [];

    /// <summary>The page of the listing shown: page 1 at /, page N at /page/N.</summary>
    public ListingPage? Listing { get; private set; }

    public IReadOnlyList<SiteDataUpdate> LatestUpdates { get; private set; } = [];

    public IReadOnlyList<TagCount> Tags { get; private set; } = [];

    public IActionResult OnGet(int number = 1)
    {
        Listing = front.Page(number);
        if (Listing is null)
        {
            return NotFound();
        }

        if (Request.Path.Value != Listing.Href)
        {
            // /page/1 is the home page, and /page/02 is /page/2: one address per page.
            return RedirectPermanent(Listing.Href);
        }

        if (number == 1)
        {
            LatestUpdates = front.LatestUpdates();
            Tags = front.Tags();
        }

        var title = $"{site.Value.Name}: technology comparisons backed by benchmark data";
        ViewData[nameof(PageMetadata)] = new PageMetadata
        {
            Title = number == 1 ? title : $"{title} (page {number} of {Listing.PageCount})",
            Description = Description,
            Canonical = urls.Absolute(Listing.Href),
            Previous = Listing.PreviousHref is { } previous ? urls.Absolute(previous) : null,
            Next = Listing.NextHref is { } next ? urls.Absolute(next) : null,
            StructuredData = number == 1 ? [StructuredData.ForHome(urls, site.Value.Name, Description)] : [],
        };
        return Page();
    }
}
