using ComparisonSite.Content;

namespace ComparisonSite.Front;

/// <summary>
/// The comparisons shown at the end of an article: those its front matter names under <c>related:</c>, in that
/// order; otherwise those sharing the most tags and frameworks with it (one point per shared tag and per shared
/// framework, ties by title). At most <see cref="Limit"/>; only what readers may see (the caller passes the
/// published comparisons, so drafts and withdrawn ones never appear).
/// </summary>
public static class RelatedComparisons
{
    public const int Limit = 3;

    public static IReadOnlyList<ComparisonArticle> For(
        ComparisonArticle article, IEnumerable<ComparisonArticle> published)
    {
        var others = published.Where(a => a.Slug != article.Slug).ToList();
        if (article.Meta.Related.Count > 0)
        {
            return [.. article.Meta.Related
                .Select(slug => others.FirstOrDefault(a => a.Slug == slug))
                .OfType<ComparisonArticle>()
                .Take(Limit)];
        }

        return [.. others
            .Select(a => (Article: a, Score: Score(article, a)))
            .Where(s => s.Score > 0)
            .OrderByDescending(s => s.Score)
            .ThenBy(s => s.Article.Meta.Title, StringComparer.OrdinalIgnoreCase)
            .ThenBy(s => s.Article.Slug, StringComparer.Ordinal)
            .Select(s => s.Article)
            .Take(Limit)];
    }

    /// <summary>Shared tags (by slug) plus shared frameworks.</summary>
    public static int Score(ComparisonArticle article, ComparisonArticle other) =>
        article.Meta.Tags.Select(t => t.Slug).Intersect(other.Meta.Tags.Select(t => t.Slug), StringComparer.Ordinal)
            .Count()
        + article.Meta.Frameworks.Intersect(other.Meta.Frameworks, StringComparer.Ordinal).Count();
}
