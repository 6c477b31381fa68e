using ComparisonSite.Front;
using ComparisonSite.Seo;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace ComparisonSite.Pages;

/// <summary>/tags: every tag of a published comparison, with how many carry it.</summary>
public sealed class TagsModel(FrontPages front, IOptions<SiteOptions> site, SiteUrls urls) : PageModel
{
    public IReadOnlyList<TagCount> Tags { get; private set; } = [];

    public void OnGet()
    {
        Tags = front.Tags();
        ViewData[nameof(PageMetadata)] = new PageMetadata
        {
            Title = "Tags",
            Description = $"Every topic the comparisons on {site.Value.Name} cover, with how many comparisons each.",
            Canonical = urls.Absolute(SiteAddresses.Tags),
        };
    }
}
