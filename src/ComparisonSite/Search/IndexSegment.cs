using System.Buffers;
using System.Text;
using ComparisonSite.Articles;
using ComparisonSite.Content;

namespace ComparisonSite.Search;

/// <summary>
/// Part of the <see cref="SearchIndex"/>: some comparisons' words as an inverted index. The words are the folded
/// text's space-separated tokens, each with its postings (<see cref="Postings"/>: which sections have it, how often
/// in the text and in the heading); the texts themselves are on disk (<see cref="SectionTexts"/>). Immutable once
/// built. A save or an import adds a segment of the comparisons it changed, and the index marks their old entries
/// dead; segments are merged as they pile up (<see cref="Merge"/>).
/// </summary>
/// <remarks>
/// Every term without a space lies inside one token, since the text's tokens are split at spaces; so its
/// occurrences in a section are the sum, over the tokens that contain it, of its occurrences in the token times the
/// token's count: exact, from memory. A term with spaces (a quoted phrase) is looked for in the folded text of the
/// sections that hold a token with each of its words.
/// </remarks>
internal sealed class IndexSegment
{
    private readonly string[] _words;
    private readonly byte[][] _postings;
    private readonly SectionTexts _texts;

    private IndexSegment(Comparison[] comparisons, Section[] sections, string[] words, byte[][] postings,
        SectionTexts texts)
    {
        Comparisons = comparisons;
        Sections = sections;
        _words = words;
        _postings = postings;
        _texts = texts;
    }

    /// <summary>A comparison in the segment: its sections are <c>Sections[FirstSection..+SectionCount]</c>.</summary>
    internal readonly record struct Comparison(
        ComparisonArticle Article, string DataVersion, FoldedText Title, FoldedText Description, int FirstSection,
        int SectionCount);

    /// <summary>A section: its anchor, its heading (in memory) and where its text lies on disk.</summary>
    internal readonly record struct Section(string Anchor, FoldedText Heading, SectionTexts.Place Text);

    /// <summary>A comparison to index: the article, and the data version its text is made at.</summary>
    internal readonly record struct Item(ComparisonArticle Article, string DataVersion);

    public IReadOnlyList<Comparison> Comparisons { get; }

    public IReadOnlyList<Section> Sections { get; }

    /// <summary>How many tokens and bytes of postings the segment holds, for the log.</summary>
    public (int Words, long PostingBytes) Size => (_words.Length, _postings.Sum(p => (long)p.Length));

    /// <summary>
    /// Indexes the comparisons, each with its summary first (under <paramref name="summaryHeading"/>), then its
    /// sections, with the text <paramref name="textOf"/> gives (made and folded in parallel, a batch at a time).
    /// <paramref name="heading"/> gives a heading's folded form, shared between comparisons.
    /// </summary>
    public static IndexSegment Build(IEnumerable<Item> items, Func<ComparisonArticle, ArticleText> textOf,
        FoldedText summaryHeading, Func<string, FoldedText> heading)
    {
        var texts = new SectionTexts();
        var comparisons = new List<Comparison>();
        var sections = new List<Section>();
        var words = new Dictionary<string, Postings.Writer>(StringComparer.Ordinal);
        foreach (var batch in items.Chunk(BatchSize))
        {
            foreach (var (item, bodies) in batch.AsParallel().AsOrdered().Select(i => (i, Prepare(i, textOf))))
            {
                var article = item.Article;
                comparisons.Add(new Comparison(article, item.DataVersion, FoldedText.Of(article.Meta.Title),
                    FoldedText.Of(article.Meta.Description), sections.Count, bodies.Length));
                for (var b = 0; b < bodies.Length; b++)
                {
                    var (anchor, sectionHeading) = b == 0
                        ? ("summary", summaryHeading)
                        : (article.Sections[b - 1].Anchor, heading(article.Sections[b - 1].Title));
                    Add(anchor, sectionHeading, bodies[b]);
                }
            }
        }

        return Of([.. comparisons], [.. sections], words.Select(w => (w.Key, w.Value.ToArray())), texts);

        void Add(string anchor, FoldedText sectionHeading, PreparedBody body)
        {
            var section = sections.Count;
            sections.Add(new Section(anchor, sectionHeading, texts.Add(body.Text)));
            var counts = body.Tokens;
            foreach (var token in Tokens(sectionHeading.Folded))
            {
                counts[token] = counts.TryGetValue(token, out var c) ? (c.Body, c.Heading + 1) : (0, 1);
            }

            foreach (var (token, (inBody, inHeading)) in counts)
            {
                if (!words.TryGetValue(token, out var postings))
                {
                    words[token] = postings = new Postings.Writer();
                }

                postings.Add(section, inBody, inHeading);
            }
        }
    }

    // Comparisons made ready in parallel at a time: enough to keep both cores busy, few enough to bound the texts
    // held at once.
    private const int BatchSize = 32;

    private sealed record PreparedBody(FoldedText Text, Dictionary<string, (int Body, int Heading)> Tokens);

    // The summary's and each section's text, folded, with how often each token stands in it.
    private static PreparedBody[] Prepare(Item item, Func<ComparisonArticle, ArticleText> textOf)
    {
        var text = textOf(item.Article);
        return [.. text.Sections.Prepend(text.Summary).Select(body =>
        {
            var folded = FoldedText.Of(body);
            var counts = new Dictionary<string, (int Body, int Heading)>(StringComparer.Ordinal);
            foreach (var token in Tokens(folded.Folded))
            {
                counts[token] = counts.TryGetValue(token, out var c) ? (c.Body + 1, c.Heading) : (1, 0);
            }

            return new PreparedBody(folded, counts);
        })];
    }

    /// <summary>
    /// One segment of the live comparisons of <paramref name="parts"/> (each segment with which of its comparisons
    /// are live), in that order: their postings and texts copied, the dead ones' dropped.
    /// </summary>
    public static IndexSegment Merge(IReadOnlyList<(IndexSegment Segment, bool[] Live)> parts)
    {
        var texts = new SectionTexts();
        var comparisons = new List<Comparison>();
        var sections = new List<Section>();
        var renumbered = new List<int[]>();
        foreach (var (segment, live) in parts)
        {
            var map = new int[segment.Sections.Count];
            Array.Fill(map, -1);
            for (var c = 0; c < segment.Comparisons.Count; c++)
            {
                if (!live[c])
                {
                    continue;
                }

                var comparison = segment.Comparisons[c];
                comparisons.Add(comparison with { FirstSection = sections.Count });
                for (var s = comparison.FirstSection; s < comparison.FirstSection + comparison.SectionCount; s++)
                {
                    map[s] = sections.Count;
                    var section = segment.Sections[s];
                    sections.Add(section with { Text = texts.Copy(segment._texts, section.Text) });
                }
            }

            renumbered.Add(map);
        }

        var words = new Dictionary<string, Postings.Writer>(StringComparer.Ordinal);
        for (var p = 0; p < parts.Count; p++)
        {
            var (segment, map) = (parts[p].Segment, renumbered[p]);
            for (var w = 0; w < segment._words.Length; w++)
            {
                Postings.Writer? postings = null;
                var reader = new Postings.Reader(segment._postings[w]);
                while (reader.Next(out var section, out var inBody, out var inHeading))
                {
                    if (map[section] >= 0)
                    {
                        if (postings is null && !words.TryGetValue(segment._words[w], out postings))
                        {
                            words[segment._words[w]] = postings = new Postings.Writer();
                        }

                        postings.Add(map[section], inBody, inHeading);
                    }
                }
            }
        }

        return Of([.. comparisons], [.. sections], words.Select(w => (w.Key, w.Value.ToArray())), texts);
    }

    private static IndexSegment Of(Comparison[] comparisons, Section[] sections,
        IEnumerable<(string Word, byte[] Postings)> words, SectionTexts texts)
    {
        var all = words.ToArray();
        return new IndexSegment(comparisons, sections, [.. all.Select(w => w.Word)], [.. all.Select(w => w.Postings)],
            texts);
    }

    /// <summary>
    /// How often <paramref name="term"/> occurs in each section's heading and text: adds to
    /// <paramref name="inHeading"/> and <paramref name="inBody"/>, indexed by section.
    /// </summary>
    public void Count(string term, int[] inHeading, int[] inBody)
    {
        if (!term.Contains(' ', StringComparison.Ordinal))
        {
            for (var w = 0; w < _words.Length; w++)
            {
                var times = Occurrences(_words[w], term);
                if (times == 0)
                {
                    continue;
                }

                var reader = new Postings.Reader(_postings[w]);
                while (reader.Next(out var section, out var body, out var heading))
                {
                    inBody[section] += times * body;
                    inHeading[section] += times * heading;
                }
            }

            return;
        }

        // A phrase: only a section with a token holding each of its words can hold it; look there.
        var candidates = ArrayPool<int>.Shared.Rent(Sections.Count);
        try
        {
            var pieces = term.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Array.Clear(candidates, 0, Sections.Count);
            for (var p = 0; p < pieces.Length; p++)
            {
                MarkSectionsWith(pieces[p], candidates, p);
            }

            var utf8 = Encoding.UTF8.GetBytes(term);
            for (var s = 0; s < Sections.Count; s++)
            {
                if (candidates[s] == pieces.Length)
                {
                    inHeading[s] += Sections[s].Heading.Occurrences(term).Count();
                    inBody[s] += _texts.CountInFolded(Sections[s].Text, utf8);
                }
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(candidates);
        }
    }

    /// <summary>The section's text as written and folded, read from disk: for a snippet.</summary>
    public FoldedText Text(int section) => _texts.Read(Sections[section].Text);

    // Raises marks[s] from piece to piece + 1 for each section s with a token containing the piece, so a section
    // ends with the number of pieces when it has them all.
    private void MarkSectionsWith(string piece, int[] marks, int order)
    {
        for (var w = 0; w < _words.Length; w++)
        {
            if (!_words[w].Contains(piece, StringComparison.Ordinal))
            {
                continue;
            }

            var reader = new Postings.Reader(_postings[w]);
            while (reader.Next(out var section, out _, out _))
            {
                if (marks[section] == order)
                {
                    marks[section] = order + 1;
                }
            }
        }
    }

    // Non-overlapping occurrences, as FoldedText.Occurrences counts them.
    private static int Occurrences(string word, string term)
    {
        if (word.Length < term.Length)
        {
            return 0;
        }

        var count = 0;
        for (var at = word.IndexOf(term, StringComparison.Ordinal); at >= 0;
             at = word.IndexOf(term, at + term.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private static string[] Tokens(string folded) =>
        folded.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
