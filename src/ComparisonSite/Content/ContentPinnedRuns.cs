using ComparisonSite.Markdown.DataReferences;
using ComparisonSite.Results.Sync;

namespace ComparisonSite.Content;

/// <summary>The runs the content pins with run=ID, for the results sync (see <see cref="IPinnedRunSource"/>).</summary>
internal sealed class ContentPinnedRuns : IPinnedRunSource, IDisposable
{
    private readonly ContentLibrary _library;

    public ContentPinnedRuns(ContentLibrary library)
    {
        _library = library;
        _library.Changed += OnContentChanged;
    }

    public event Action<IReadOnlySet<string>>? Changed;

    public async Task<IReadOnlySet<string>> GetAsync(CancellationToken cancellationToken)
    {
        await _library.FirstLoad.WaitAsync(cancellationToken);
        return PinnedBy(_library.Current);
    }

    public void Dispose() => _library.Changed -= OnContentChanged;

    private void OnContentChanged(ContentSnapshot snapshot) => Changed?.Invoke(PinnedBy(snapshot));

    private static HashSet<string> PinnedBy(ContentSnapshot snapshot) =>
        snapshot.Comparisons.Values
            .SelectMany(a => DataReferencePolicy.PinnedRunIds(a.Bodies))
            .ToHashSet(StringComparer.Ordinal);
}
