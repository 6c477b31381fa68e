using ComparisonSite.Articles;
using ComparisonSite.Caching;
using ComparisonSite.Content;
using ComparisonSite.Results.Store;

namespace ComparisonSite.Search;

/// <summary>
/// The live <see cref="SearchIndex"/>: made on the first search after the content or results snapshot changes
/// (once, however many searches arrive), then swapped in whole. Each new index keeps the last one's segments and
/// adds one for the comparisons whose files or cited figures changed, so a save or an import costs the index the
/// comparisons it touched, not all of them. A search reads memory and the segments' text files, never the database.
/// </summary>
public sealed class SiteSearch(ContentLibrary library, ResultsStore results, ArticlePageRenderer renderer,
    PageVersions versions, ILogger<SiteSearch> logger)
{
    /// <summary>More segments than this and all but the largest are merged into one.</summary>
    internal const int MaximumSegments = 6;

    // Indexing this many comparisons leaves enough garbage to be worth a collection that returns it.
    private const int LargeBuild = 500;

    private readonly Lock _building = new();
    private readonly Dictionary<string, FoldedText> _headings = new(StringComparer.Ordinal);
    private readonly FoldedText _summaryHeading = FoldedText.Of(SearchIndex.SummaryHeading);
    private Built? _current;
    private int _builds;

    /// <summary>How many times an index was made: for tests and diagnostics.</summary>
    public int BuildCount => Volatile.Read(ref _builds);

    public SearchIndex Index
    {
        get
        {
            var content = library.Current;
            var snapshot = results.Current;
            if (Volatile.Read(ref _current) is { } known && known.IsOf(content, snapshot))
            {
                return known.Index;
            }

            lock (_building)
            {
                if (_current is { } built && built.IsOf(content, snapshot))
                {
                    return built.Index;
                }

                // Published is read from the library's live snapshot, which is the one just taken unless a reload
                // landed in between; then this index is keyed older than it is and is made once more next time.
                var index = Next(_current?.Index, library.Published, snapshot);
                Interlocked.Increment(ref _builds);
                Volatile.Write(ref _current, new Built(content, snapshot, index));
                return index;
            }
        }
    }

    public IReadOnlyList<SearchResult> Find(SearchQuery query) =>
        query.Terms.Count == 0 ? [] : Index.Find(query);

    // The last index's segments with only the comparisons still published at the same data version live, and a
    // segment of the rest; merged when they pile up or are mostly dead.
    private SearchIndex Next(SearchIndex? last, IEnumerable<ComparisonArticle> published, ResultsSnapshot? snapshot)
    {
        var where = new Dictionary<ComparisonArticle, (int Segment, int Comparison)>(
            ReferenceEqualityComparer.Instance);
        var segments = last?.Segments ?? [];
        for (var s = 0; s < segments.Count; s++)
        {
            for (var c = 0; c < segments[s].Segment.Comparisons.Count; c++)
            {
                if (segments[s].Live[c])
                {
                    where[segments[s].Segment.Comparisons[c].Article] = (s, c);
                }
            }
        }

        var live = segments.Select(s => new bool[s.Segment.Comparisons.Count]).ToList();
        var changed = new List<(ComparisonArticle Article, string DataVersion)>();
        foreach (var article in published)
        {
            var data = versions.DataVersionAt(article, snapshot);
            if (where.TryGetValue(article, out var at)
                && segments[at.Segment].Segment.Comparisons[at.Comparison].DataVersion == data)
            {
                live[at.Segment][at.Comparison] = true;
            }
            else
            {
                changed.Add((article, data));
            }
        }

        var parts = segments.Select((s, i) => (s.Segment, Live: live[i])).Where(p => p.Live.Contains(true)).ToList();
        if (changed.Count > 0)
        {
            var added = IndexSegment.Build(
                changed.Select(c => new IndexSegment.Item(c.Article, c.DataVersion)),
                article => renderer.Text(article, snapshot),
                _summaryHeading,
                Heading);
            parts.Add((added, Enumerable.Repeat(true, added.Comparisons.Count).ToArray()));
            if (changed.Count >= LargeBuild)
            {
                MemoryBudget.GiveBackAfterBuild();
            }

            logger.LogDebug(
                "Search indexed {Changed} changed comparisons ({Words} words, {PostingBytes} bytes of postings)",
                changed.Count, added.Size.Words, added.Size.PostingBytes);
        }

        return new SearchIndex(Merged(parts));
    }

    // More than half of the comparisons held dead: one segment of the live ones. Too many segments: all but the
    // largest as one. Either way a merge copies postings, it does not read the comparisons again.
    private static List<(IndexSegment Segment, bool[] Live)> Merged(
        List<(IndexSegment Segment, bool[] Live)> parts)
    {
        var held = parts.Sum(p => p.Live.Length);
        var alive = parts.Sum(p => p.Live.Count(l => l));
        if (parts.Count > 1 && alive * 2 < held)
        {
            return [Whole(parts)];
        }

        if (parts.Count > MaximumSegments)
        {
            var largest = parts.MaxBy(p => p.Live.Length);
            return [largest, Whole([.. parts.Where(p => !ReferenceEquals(p.Segment, largest.Segment))])];
        }

        return parts;

        static (IndexSegment, bool[]) Whole(IReadOnlyList<(IndexSegment Segment, bool[] Live)> some)
        {
            var merged = IndexSegment.Merge(some);
            return (merged, Enumerable.Repeat(true, merged.Comparisons.Count).ToArray());
        }
    }

    // Section headings repeat from comparison to comparison ("Methodology", "FAQ"): one folded copy of each.
    private FoldedText Heading(string title)
    {
        if (!_headings.TryGetValue(title, out var folded))
        {
            _headings[title] = folded = FoldedText.Of(title);
        }

        return folded;
    }

    private sealed record Built(ContentSnapshot Content, ResultsSnapshot? Results, SearchIndex Index)
    {
        public bool IsOf(ContentSnapshot content, ResultsSnapshot? results) =>
            ReferenceEquals(Content, content) && ReferenceEquals(Results, results);
    }
}
