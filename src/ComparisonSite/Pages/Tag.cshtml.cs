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

    public IReadOnlyList<ComparisonEntry> Comparisons { get; private set; } = [];

    public IActionResult OnGet(string tag)
    {
        Comparisons = front.Tagged(tag);
        if (Comparisons.Count == 0)
        {
            return NotFound();
        }

        Tag = Comparisons[0].Article.Meta.Tags.First(t => t.Slug == tag);
        ViewData[nameof(PageMetadata)] = new PageMetadata
        {
            Title = $"{Tag.Name} comparisons",
            Description = $"Comparisons tagged {Tag.Name} on {site.Value.Name}, each with its verdict and headline "
                + "figure from recorded benchmark runs.",
            Canonical = urls.Absolute(Tag.Path),
        };
        return Page();
    }
}
