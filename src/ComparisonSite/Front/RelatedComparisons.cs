using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using ComparisonSite.Content;

namespace ComparisonSite.Front;

/// <summary>
/// The comparisons shown at the end of an article: those its front matter names under <c>related:</c>, in that
/// order; otherwise those sharing the most tags and frameworks with it (one point per shared tag and per shared
/// framework, ties by title). At most <see cref="Limit"/>; only what readers may see (built over the published
/// comparisons, so drafts and withdrawn ones never appear).
/// <para>
/// Built once per content snapshot (<see cref="For(ContentLibrary, ComparisonArticle)"/>). Comparisons with the
/// same tags and frameworks score alike against any other, so they are scored as one group: an article's related
/// comparisons cost one score per distinct set of tags and frameworks, not one per comparison, and every article's
/// together (which the page cache's versions ask for at each change) grow with the content, not with its square
/// (while the content has few distinct sets).
/// </para>
/// </summary>
public sealed class RelatedComparisons
{
    public const int Limit = 3;

    private static readonly IComparer<ComparisonArticle> ByTitle = Comparer<ComparisonArticle>.Create((a, b) =>
    {
        var title = StringComparer.OrdinalIgnoreCase.Compare(a.Meta.Title, b.Meta.Title);
        return title != 0 ? title : StringComparer.Ordinal.Compare(a.Slug, b.Slug);
    });

    private readonly Dictionary<string, ComparisonArticle> _bySlug;
    private readonly List<Group> _groups;
    private readonly ConcurrentDictionary<ComparisonArticle, IReadOnlyList<ComparisonArticle>> _known =
        new(ReferenceEqualityComparer.Instance);

    private RelatedComparisons(IEnumerable<ComparisonArticle> published)
    {
        var all = published.ToList();
        _bySlug = all.ToDictionary(a => a.Slug, StringComparer.Ordinal);
        _groups = [.. all.GroupBy(Signature.Of).Select(g => new Group(g.Key, [.. g.Order(ByTitle)]))];
    }

    private static readonly ConditionalWeakTable<ContentSnapshot, RelatedComparisons> OfSnapshot = [];

    /// <summary>Related comparisons among <paramref name="published"/>.</summary>
    private static RelatedComparisons Of(IEnumerable<ComparisonArticle> published) => new(published);

    /// <summary>
    /// The published comparisons listed at the end of <paramref name="article"/>'s page, from the library's live
    /// snapshot (worked out once per snapshot, and per article).
    /// </summary>
    public static IReadOnlyList<ComparisonArticle> For(ContentLibrary library, ComparisonArticle article)
    {
        var snapshot = library.Current;
        return OfSnapshot.GetValue(snapshot, s => Of(library.PublishedIn(s))).For(article);
    }

    /// <summary>What the article at <paramref name="article"/> lists at its end, worked out once.</summary>
    public IReadOnlyList<ComparisonArticle> For(ComparisonArticle article) => _known.GetOrAdd(article, Find);

    private IReadOnlyList<ComparisonArticle> Find(ComparisonArticle article)
    {
        if (article.Meta.Related.Count > 0)
        {
            return [.. article.Meta.Related
                .Where(slug => slug != article.Slug)
                .Select(slug => _bySlug.GetValueOrDefault(slug))
                .OfType<ComparisonArticle>()
                .Take(Limit)];
        }

        var signature = Signature.Of(article);
        var found = new List<ComparisonArticle>(Limit);
        // Best score first; within a score, the first few of each group (already in title order) are enough.
        foreach (var level in _groups
            .Select(g => (Group: g, Score: signature.Shared(g.Signature)))
            .Where(s => s.Score > 0)
            .GroupBy(s => s.Score)
            .OrderByDescending(l => l.Key))
        {
            var candidates = level
                .SelectMany(s => s.Group.Members.Where(a => a.Slug != article.Slug).Take(Limit - found.Count))
                .Order(ByTitle)
                .Take(Limit - found.Count);
            found.AddRange(candidates);
            if (found.Count == Limit)
            {
                break;
            }
        }

        return found;
    }

    private sealed record Group(Signature Signature, ComparisonArticle[] Members);

    // The tags (by slug) and frameworks of a comparison, as sets: what its score against any other depends on.
    private sealed record Signature(string Key, HashSet<string> Tags, HashSet<string> Frameworks)
    {
        public static Signature Of(ComparisonArticle article)
        {
            var tags = article.Meta.Tags.Select(t => t.Slug).ToHashSet(StringComparer.Ordinal);
            var frameworks = article.Meta.Frameworks.ToHashSet(StringComparer.Ordinal);
            var key = string.Join(' ', tags.Order(StringComparer.Ordinal)) + "|"
                + string.Join(' ', frameworks.Order(StringComparer.Ordinal));
            return new Signature(key, tags, frameworks);
        }

        public int Shared(Signature other) =>
            Tags.Count(other.Tags.Contains) + Frameworks.Count(other.Frameworks.Contains);

        public bool Equals(Signature? other) => other is not null && Key == other.Key;

        public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Key);
    }
}
