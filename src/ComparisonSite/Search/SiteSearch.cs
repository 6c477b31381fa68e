using ComparisonSite.Articles;
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
                var index = SearchIndex.Build(library.Published.Select(a => (a, renderer.Text(a, snapshot))));
                Interlocked.Increment(ref _builds);
                Volatile.Write(ref _current, new Built(content, snapshot, index));
                return index;
            }
        }
    }

    public IReadOnlyList<SearchResult> Find(SearchQuery query) =>
        query.Terms.Count == 0 ? [] : Index.Find(query);

    private sealed record Built(ContentSnapshot Content, ResultsSnapshot? Results, SearchIndex Index)
    {
        public bool IsOf(ContentSnapshot content, ResultsSnapshot? results) =>
            ReferenceEquals(Content, content) && ReferenceEquals(Results, results);
    }
}
