using ComparisonSite.Content;
using ComparisonSite.Results.Store;

namespace ComparisonSite.Caching;

/// <summary>Which of the two snapshots that pages are made from was swapped.</summary>
public enum SnapshotKind
{
    /// <summary>The content: the first load, or a save reloaded by the watcher.</summary>
    Content,

    /// <summary>The results: the first load, or an import heard over LISTEN/NOTIFY.</summary>
    Results,
}

/// <summary>
/// Follows every swap of what pages are made from, content or results, until disposed. The page change tracker,
/// the search warmer and the editor's live preview each follow both snapshots; this is the one place that hooks
/// (and unhooks) the two events. The callback runs inside the swap, so it must not wait or throw.
/// </summary>
public sealed class SnapshotSwaps : IDisposable
{
    private readonly ContentLibrary _content;
    private readonly ResultsStore _results;
    private readonly Action<SnapshotKind> _onSwap;

    public SnapshotSwaps(ContentLibrary content, ResultsStore results, Action<SnapshotKind> onSwap)
    {
        _content = content;
        _results = results;
        _onSwap = onSwap;
        _content.Changed += OnContentChanged;
        _results.Changed += OnResultsChanged;
    }

    public void Dispose()
    {
        _content.Changed -= OnContentChanged;
        _results.Changed -= OnResultsChanged;
    }

    private void OnContentChanged(ContentSnapshot snapshot) => _onSwap(SnapshotKind.Content);

    private void OnResultsChanged(ResultsSnapshot snapshot) => _onSwap(SnapshotKind.Results);
}
