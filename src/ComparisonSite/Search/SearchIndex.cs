using ComparisonSite.Articles;
using ComparisonSite.Content;

namespace ComparisonSite.Search;

/// <summary>
/// The words of the published comparisons, folded for search: each comparison's title and description, and
/// each of its sections (the summary first) with its heading and plain text. Immutable; built once per content
/// and results snapshot by <see cref="SiteSearch"/>.
/// </summary>
public sealed class SearchIndex
{
    /// <summary>The most results a page lists; a comparison is one result however many sections match.</summary>
    public const int MaximumResults = 50;

    /// <summary>How many words a snippet shows, and how many of them come before the first match.</summary>
    public const int SnippetWords = 30;

    private const int WordsBeforeMatch = 10;

    // Where a term was found, as a weight: ten body matches never outrank one description match, and so on up.
    private const long InTitle = 1_000_000;
    private const long InHeading = 10_000;
    private const long InDescription = 100;
    private const long InBody = 1;

    /// <summary>The heading the comparison page gives the summary box (Pages/Comparison.cshtml).</summary>
    public const string SummaryHeading = "The short answer";

    private readonly IReadOnlyList<Entry> _entries;

    private SearchIndex(IReadOnlyList<Entry> entries) => _entries = entries;

    /// <summary>Indexes each comparison with its text as a reader reads it (<see cref="ArticleText"/>).</summary>
    public static SearchIndex Build(IEnumerable<(ComparisonArticle Article, ArticleText Text)> comparisons) =>
        Of(comparisons.Select(c => EntryOf(c.Article, c.Text)));

    /// <summary>An index of entries made one by one (<see cref="EntryOf"/>), so a rebuild can reuse them.</summary>
    internal static SearchIndex Of(IEnumerable<Entry> entries) => new([.. entries]);

    /// <summary>One comparison's words, folded: what the index holds for it.</summary>
    internal static Entry EntryOf(ComparisonArticle article, ArticleText text) =>
        new(
            article.Slug,
            FoldedText.Of(article.Meta.Title),
            FoldedText.Of(article.Meta.Description),
            [
                new Section("summary", FoldedText.Of(SummaryHeading), FoldedText.Of(text.Summary)),
                .. article.Sections.Zip(text.Sections, (s, t) => new Section(
                    s.Anchor, FoldedText.Of(s.Title), FoldedText.Of(t))),
            ]);

    /// <summary>
    /// Comparisons with a section that contains every term (in the comparison's title or description, the
    /// section's heading or its text), best first: by where the terms were found (title, then heading, then
    /// description, then text), then by how often they occur in the section, then by title.
    /// </summary>
    public IReadOnlyList<SearchResult> Find(SearchQuery query)
    {
        if (query.Terms.Count == 0)
        {
            return [];
        }

        var terms = query.Terms;
        var hits = new List<(Entry Entry, Scored Best, List<Section> Matching)>();
        foreach (var entry in _entries)
        {
            var scored = entry.Sections
                .Select((section, order) => Score(entry, section, order, terms))
                .OfType<Scored>()
                .ToList();
            if (scored.Count > 0)
            {
                var best = scored.OrderByDescending(s => s.Weight).ThenByDescending(s => s.Frequency)
                    .ThenBy(s => s.Order).First();
                hits.Add((entry, best, [.. scored.Where(s => !ReferenceEquals(s, best)).Select(s => s.Section)]));
            }
        }

        return
        [
            .. hits
                .OrderByDescending(h => h.Best.Weight)
                .ThenByDescending(h => h.Best.Frequency)
                .ThenBy(h => h.Entry.Title.Original, StringComparer.OrdinalIgnoreCase)
                .ThenBy(h => h.Entry.Slug, StringComparer.Ordinal)
                .Take(MaximumResults)
                .Select(h => new SearchResult(
                    h.Entry.Slug,
                    HighlightedText.Of(h.Entry.Title, terms),
                    HighlightedText.Of(h.Best.Section.Heading, terms),
                    Href(h.Entry, h.Best.Section),
                    Snippet(h.Entry, h.Best.Section, terms),
                    [.. h.Matching.Select(s => new SearchSectionLink(s.Heading.Original, Href(h.Entry, s)))])),
        ];
    }

    private static string Href(Entry entry, Section section) => SiteAddresses.InArticle(entry.Slug, section.Anchor);

    private static Scored? Score(Entry entry, Section section, int order, IReadOnlyList<string> terms)
    {
        long weight = 0;
        var frequency = 0;
        foreach (var term in terms)
        {
            var inHeading = section.Heading.Occurrences(term).Count();
            var inBody = section.Body.Occurrences(term).Count();
            var found = entry.Title.Contains(term) ? InTitle
                : inHeading > 0 ? InHeading
                : entry.Description.Contains(term) ? InDescription
                : inBody > 0 ? InBody
                : 0;
            if (found == 0)
            {
                return null;
            }

            weight += found;
            frequency += inHeading + inBody;
        }

        return new Scored(section, order, weight, frequency);
    }

    /// <summary>
    /// About <see cref="SnippetWords"/> words of the section's text around its first match (its opening words when
    /// only the title, heading or description matched; the description when the section has no text).
    /// </summary>
    private static HighlightedText Snippet(Entry entry, Section section, IReadOnlyList<string> terms)
    {
        var text = section.Body.Original.Length > 0 ? section.Body : entry.Description;
        var words = WordStarts(text.Original);
        if (words.Count == 0)
        {
            return new HighlightedText([]);
        }

        var first = terms
            .Select(t => text.Folded.IndexOf(t, StringComparison.Ordinal) is var at and >= 0
                ? text.OriginalRange(at, t.Length).Start
                : int.MaxValue)
            .Min();
        var word = first == int.MaxValue ? 0 : words.FindLastIndex(w => w <= first);
        var from = Math.Max(0, word - WordsBeforeMatch);
        var to = Math.Min(words.Count, from + SnippetWords);
        from = Math.Max(0, Math.Min(from, to - SnippetWords));
        var start = words[from];
        var end = to < words.Count ? words[to] : text.Original.Length;
        while (end > start && char.IsWhiteSpace(text.Original[end - 1]))
        {
            end--;
        }

        var snippet = HighlightedText.Of(text, terms, start, end);
        var pieces = new List<TextPiece>(snippet.Pieces.Count + 2);
        if (from > 0)
        {
            pieces.Add(new TextPiece("\u2026 ", false));
        }

        pieces.AddRange(snippet.Pieces);
        if (to < words.Count)
        {
            pieces.Add(new TextPiece(" \u2026", false));
        }

        return new HighlightedText(pieces);
    }

    private static List<int> WordStarts(string text)
    {
        var starts = new List<int>();
        for (var i = 0; i < text.Length; i++)
        {
            if (!char.IsWhiteSpace(text[i]) && (i == 0 || char.IsWhiteSpace(text[i - 1])))
            {
                starts.Add(i);
            }
        }

        return starts;
    }

    internal sealed record Entry(
        string Slug, FoldedText Title, FoldedText Description, IReadOnlyList<Section> Sections);

    internal sealed record Section(string Anchor, FoldedText Heading, FoldedText Body);

    private sealed record Scored(Section Section, int Order, long Weight, int Frequency);
}
