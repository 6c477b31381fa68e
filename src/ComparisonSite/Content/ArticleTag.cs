using System.Text.RegularExpressions;

namespace ComparisonSite.Content;

/// <summary>
/// A tag of a comparison: the name the editor wrote ("Web frameworks") and the slug of its page
/// (<c>/tags/web-frameworks</c>), made by the site's slug rules so the same words always reach the same page.
/// </summary>
public sealed partial record ArticleTag(string Name, string Slug)
{
    /// <summary>The tag's page.</summary>
    public string Path => SiteAddresses.Tag(Slug);

    /// <summary>
    /// Lower-case letters and digits, every other run of characters one hyphen; null when nothing of the name
    /// survives or the result breaks the slug rule (<see cref="Identifiers.IsSlug"/>).
    /// </summary>
    public static string? SlugOf(string name)
    {
        var slug = NonSlugRun().Replace(name.ToLowerInvariant(), "-").Trim('-');
        return Identifiers.IsSlug(slug) ? slug : null;
    }

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NonSlugRun();
}
