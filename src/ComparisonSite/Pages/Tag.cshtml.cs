using ComparisonSite.Content;
using ComparisonSite.Front;
using ComparisonSite.Seo;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace ComparisonSite.Pages;

/// <summary>/tags/&lt;tag&gt;: the published comparisons with that tag; 404 for a tag no comparison carries.</summary>
public sealed class TagModel(FrontPages front, IOptions<SiteOptions> site, SiteUrls urls) : PageModel
{
    public ArticleTag? Tag { get; private set; }

    public IReadOnlyList<ComparisonEntry> Comparisons => Listing?.Entries ?? [];

    /// <summary>The page of the tag's listing shown: page 1 at /tags/TAG, page N at /tags/TAG/page/N.</summary>
    public ListingPage? Listing { get; private set; }

    public IActionResult OnGet(string tag, int number = 1)
    {
        Listing = front.TaggedPage(tag, number);
        if (Listing is null)
        {
            return NotFound();
        }

        if (Request.Path.Value != Listing.Href)
        {
            return RedirectPermanent(Listing.Href);
        }

        Tag = Comparisons[0].Article.Meta.Tags.First(t => t.Slug == tag);
        var title = $"{Tag.Name} comparisons";
        ViewData[nameof(PageMetadata)] = new PageMetadata
        {
            Title = number == 1 ? title : $"{title} (page {number} of {Listing.PageCount})",
            Description = $"Comparisons tagged {Tag.Name} on {site.Value.Name}, each with its verdict and headline "
                + "figure from recorded benchmark runs.",
            Canonical = urls.Absolute(Listing.Href),
            Previous = Listing.PreviousHref is { } previous ? urls.Absolute(previous) : null,
            Next = Listing.NextHref is { } next ? urls.Absolute(next) : null,
        };
        return Page();
    }
}
