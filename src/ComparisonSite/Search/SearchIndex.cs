using System.Buffers;
using ComparisonSite.Content;

namespace ComparisonSite.Search;

/// <summary>
/// The words of the published comparisons, folded for search: each comparison's title and description, and each
/// of its sections (the summary first) with its heading and plain text. Immutable: segments (inverted indexes of
/// some comparisons each, <see cref="IndexSegment"/>) and which of their comparisons are live. Made by
/// <see cref="SiteSearch"/> once per content and results snapshot, from the last index and what changed.
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

    internal SearchIndex(IReadOnlyList<(IndexSegment Segment, bool[] Live)> segments) => Segments = segments;

    /// <summary>The segments, each with which of its comparisons are live (published at the index's time).</summary>
    internal IReadOnlyList<(IndexSegment Segment, bool[] Live)> Segments { get; }

    /// <summary>
    /// Comparisons with a section that contains every term (in the comparison's title or description, the
    /// section's heading or its text), best first: by where the terms were found (title, then heading, then
    /// description, then text), then by how often they occur in the section, then by title.
    /// </summary>
    public IReadOnlyList<SearchResult> Find(SearchQuery query)
    {
        var terms = query.Terms;
        if (terms.Count == 0)
        {
            return [];
        }

        // Only the best MaximumResults are kept as the comparisons are scored: a common word matches every one of
        // 10,000 comparisons, and listing and sorting them all made most of a query's time and garbage.
        var best = new PriorityQueue<Hit, Hit>(WorstFirst);
        foreach (var (segment, live) in Segments)
        {
            Collect(segment, live, terms, best);
        }

        return [.. best.UnorderedItems.Select(h => h.Element).Order(BestFirst).Select(h => ResultOf(h, terms))];
    }

    // Where the terms were found (title, then heading, then description, then text), how often, then by title.
    private static readonly Comparer<Hit> BestFirst = Comparer<Hit>.Create(static (a, b) =>
    {
        var order = b.Weight.CompareTo(a.Weight);
        order = order != 0 ? order : b.Frequency.CompareTo(a.Frequency);
        order = order != 0
            ? order
            : StringComparer.OrdinalIgnoreCase.Compare(a.Comparison.Title.Original, b.Comparison.Title.Original);
        return order != 0 ? order : string.CompareOrdinal(a.Comparison.Article.Slug, b.Comparison.Article.Slug);
    });

    private static readonly Comparer<Hit> WorstFirst = Comparer<Hit>.Create(static (a, b) => BestFirst.Compare(b, a));

    // Scores every section of the segment's live comparisons from the terms' counts; a comparison is a hit at its
    // best section (most weight, then most occurrences, then first), kept when it ranks among the best so far.
    private static void Collect(
        IndexSegment segment, bool[] live, IReadOnlyList<string> terms, PriorityQueue<Hit, Hit> best)
    {
        var size = segment.Sections.Count;
        var pool = ArrayPool<int>.Shared;
        var inHeading = new int[terms.Count][];
        var inBody = new int[terms.Count][];
        try
        {
            for (var t = 0; t < terms.Count; t++)
            {
                inHeading[t] = pool.Rent(size);
                inBody[t] = pool.Rent(size);
                Array.Clear(inHeading[t], 0, size);
                Array.Clear(inBody[t], 0, size);
                segment.Count(terms[t], inHeading[t], inBody[t]);
            }

            var inTitle = new bool[terms.Count];
            var inDescription = new bool[terms.Count];
            for (var c = 0; c < segment.Comparisons.Count; c++)
            {
                if (!live[c])
                {
                    continue;
                }

                var comparison = segment.Comparisons[c];
                for (var t = 0; t < terms.Count; t++)
                {
                    inTitle[t] = comparison.Title.Contains(terms[t]);
                    inDescription[t] = comparison.Description.Contains(terms[t]);
                }

                var (first, end) = (comparison.FirstSection, comparison.FirstSection + comparison.SectionCount);
                var (top, topWeight, topFrequency) = (-1, 0L, 0);
                for (var s = first; s < end; s++)
                {
                    var (weight, frequency) = Score(s);
                    if (weight >= 0 && (top < 0 || weight > topWeight
                        || (weight == topWeight && frequency > topFrequency)))
                    {
                        (top, topWeight, topFrequency) = (s, weight, frequency);
                    }
                }

                var hit = new Hit(segment, comparison, top, topWeight, topFrequency, []);
                if (top < 0 || (best.Count == MaximumResults && BestFirst.Compare(hit, best.Peek()) >= 0))
                {
                    continue;
                }

                hit = hit with
                {
                    Matching = [.. Enumerable.Range(first, end - first).Where(s => Score(s).Weight >= 0)],
                };
                if (best.Count < MaximumResults)
                {
                    best.Enqueue(hit, hit);
                }
                else
                {
                    best.DequeueEnqueue(hit, hit);
                }
            }

            // The section's weight (-1 when a term is missing from it) and how often the terms occur in it.
            (long Weight, int Frequency) Score(int s)
            {
                long weight = 0;
                var frequency = 0;
                for (var t = 0; t < terms.Count && weight >= 0; t++)
                {
                    var found = inTitle[t] ? InTitle
                        : inHeading[t][s] > 0 ? InHeading
                        : inDescription[t] ? InDescription
                        : inBody[t][s] > 0 ? InBody
                        : -1;
                    weight = found < 0 ? -1 : weight + found;
                    frequency += inHeading[t][s] + inBody[t][s];
                }

                return (weight, frequency);
            }
        }
        finally
        {
            foreach (var counts in inHeading.Concat(inBody).OfType<int[]>())
            {
                pool.Return(counts);
            }
        }
    }

    private static SearchResult ResultOf(Hit hit, IReadOnlyList<string> terms)
    {
        var section = hit.Segment.Sections[hit.Section];
        return new SearchResult(
            hit.Comparison.Article.Slug,
            HighlightedText.Of(hit.Comparison.Title, terms),
            HighlightedText.Of(section.Heading, terms),
            SiteAddresses.InArticle(hit.Comparison.Article.Slug, section.Anchor),
            Snippet(hit.Segment.Text(hit.Section), hit.Comparison.Description, terms),
            [
                .. hit.Matching.Where(s => s != hit.Section).Select(s => hit.Segment.Sections[s]).Select(s =>
                    new SearchSectionLink(
                        s.Heading.Original, SiteAddresses.InArticle(hit.Comparison.Article.Slug, s.Anchor))),
            ]);
    }

    /// <summary>
    /// About <see cref="SnippetWords"/> words of the section's text around its first match (its opening words when
    /// only the title, heading or description matched; the description when the section has no text).
    /// </summary>
    private static HighlightedText Snippet(FoldedText body, FoldedText description, IReadOnlyList<string> terms)
    {
        var text = body.Original.Length > 0 ? body : description;
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

    private readonly record struct Hit(
        IndexSegment Segment, IndexSegment.Comparison Comparison, int Section, long Weight, int Frequency,
        int[] Matching);
}
