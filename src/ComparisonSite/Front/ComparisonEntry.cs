using ComparisonSite.Content;
using ComparisonSite.Figures.Claims;
using ComparisonSite.Results.Store;

namespace ComparisonSite.Front;

/// <summary>
/// One comparison as the home and tag pages show it: title link, verdict line, headline figure (computed from
/// the store like the article's prose), the claim check's summary when the article shows one, and its last data
/// update (the cited run whose data changed last).
/// </summary>
public sealed record ComparisonEntry(
    ComparisonArticle Article, string? HeadlineHtml, StoredRun? LastDataUpdate, ClaimCheck? Claims = null)
{
    public string Path => SiteAddresses.Comparison(Article.Slug);

    /// <summary>The article's claim check, which the summary line links to.</summary>
    public string ClaimCheckPath => SiteAddresses.InArticle(Article.Slug, ClaimCheckWriter.Anchor);

    /// <summary>The data page, where every run the comparison shows is listed.</summary>
    public string DataPath => SiteAddresses.Data(Article.Slug);
}

/// <summary>A run in the site's "Latest data updates": the run and its page under a comparison that shows it.</summary>
public sealed record SiteDataUpdate(StoredRun Run, string RunPath, ComparisonArticle Article);

/// <summary>A tag with the published comparisons that carry it, for /tags and the home page's tag list.</summary>
public sealed record TagCount(ArticleTag Tag, int Count);
