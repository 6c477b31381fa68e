using System.Runtime.CompilerServices;
using ComparisonSite.Articles;
using ComparisonSite.Caching;
using ComparisonSite.Content;
using ComparisonSite.Results.Store;

namespace ComparisonSite.Search;

/// <summary>
/// The live <see cref="SearchIndex"/>: built on the first search after the content or results snapshot changes
/// (one build, however many searches arrive), then swapped in whole. A search reads memory only, never the
/// database.
/// </summary>
public sealed class SiteSearch(ContentLibrary library, ResultsStore results, ArticlePageRenderer renderer)
{
    private readonly Lock _building = new();
    private readonly ConditionalWeakTable<ComparisonArticle, KnownEntry> _entries = [];
    private Built? _current;
    private int _builds;

    /// <summary>How many times an index was built: for tests and diagnostics.</summary>
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
                // landed in between; then this index is keyed older than it is and is built once more next time.
                var index = SearchIndex.Of(library.Published.Select(a => EntryOf(a, snapshot)));
                Interlocked.Increment(ref _builds);
                Volatile.Write(ref _current, new Built(content, snapshot, index));
                return index;
            }
        }
    }

    // A comparison's entry is made again only when its files or the figures its prose cites changed: a save or an
    // import costs the index the comparisons it touched, not all of them.
    private SearchIndex.Entry EntryOf(ComparisonArticle article, ResultsSnapshot? snapshot)
    {
        var data = PageVersions.DataVersion(article, snapshot);
        if (_entries.TryGetValue(article, out var known) && known.DataVersion == data)
        {
            return known.Entry;
        }

        var entry = SearchIndex.EntryOf(article, renderer.Text(article, snapshot));
        _entries.AddOrUpdate(article, new KnownEntry(data, entry));
        return entry;
    }

    private sealed record KnownEntry(string DataVersion, SearchIndex.Entry Entry);

    public IReadOnlyList<SearchResult> Find(SearchQuery query) =>
        query.Terms.Count == 0 ? [] : Index.Find(query);

    private sealed record Built(ContentSnapshot Content, ResultsSnapshot? Results, SearchIndex Index)
    {
        public bool IsOf(ContentSnapshot content, ResultsSnapshot? results) =>
            ReferenceEquals(Content, content) && ReferenceEquals(Results, results);
    }
}
