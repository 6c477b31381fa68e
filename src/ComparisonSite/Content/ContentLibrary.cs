using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.Extensions.Options;

namespace ComparisonSite.Content;

/// <summary>
/// Holds the live <see cref="ContentSnapshot"/> and rebuilds it from disk on demand. A comparison whose files
/// stop parsing keeps its last good version live; its errors are logged and kept on the snapshot.
/// </summary>
public sealed class ContentLibrary : IDisposable
{
    private readonly ComparisonLoader _loader;
    private readonly ILogger<ContentLibrary> _logger;
    private readonly SemaphoreSlim _reloadGate = new(1, 1);
    private readonly TaskCompletionSource _firstLoad = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly IFolderLoadObserver? _observer;
    private readonly Lock _swapping = new();
    private readonly ConcurrentDictionary<string, Lazy<Task<bool>>> _early = new(StringComparer.Ordinal);
    private ContentSnapshot _current = ContentSnapshot.Empty;
    private bool _wholeContentIn;
    private ContentFingerprint _loadedFingerprint = ContentFingerprint.None;

    // Only read and written under _reloadGate.
    private ImmutableDictionary<string, LoadedFolder> _folders = ImmutableDictionary<string, LoadedFolder>.Empty;

    public ContentLibrary(IOptions<ContentOptions> options, SiteRoot siteRoot, ILogger<ContentLibrary> logger)
        : this(options, siteRoot, logger, observer: null)
    {
    }

    internal ContentLibrary(
        IOptions<ContentOptions> options, SiteRoot siteRoot, ILogger<ContentLibrary> logger,
        IFolderLoadObserver? observer)
    {
        _observer = observer;
        var path = options.Value.Path;
        RootPath = Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(siteRoot.Path, path));
        Options = options.Value;
        _loader = new ComparisonLoader(options.Value);
        _logger = logger;
    }

    public string RootPath { get; }

    public ContentOptions Options { get; }

    public ContentSnapshot Current => Volatile.Read(ref _current);

    /// <summary>
    /// Completes when the first load (the start-up load Hosting/StartupLoads begins) is in; faults if
    /// it failed. Later reloads leave it as it is.
    /// </summary>
    public Task FirstLoad => _firstLoad.Task;

    /// <summary>Raised after a new snapshot is live, with that snapshot.</summary>
    public event Action<ContentSnapshot>? Changed;

    /// <summary>
    /// The comparison at <paramref name="slug"/> if a reader may see it (drafts only where configured).
    /// </summary>
    public ComparisonArticle? FindPublished(string slug) =>
        Current.Comparisons.TryGetValue(slug, out var article) && IsVisible(article) ? article : null;

    /// <summary>
    /// What a reader's request for <paramref name="slug"/> should get: the page, a redirect, 410 or 404.
    /// </summary>
    public SlugResolution Resolve(string slug)
    {
        var snapshot = Current;
        if (snapshot.Comparisons.TryGetValue(slug, out var article) && (!article.Meta.Draft || Options.ShowDrafts))
        {
            var status = article.Meta.Withdrawn ? SlugStatus.Gone : SlugStatus.Found;
            return new SlugResolution(status, article);
        }

        var renamed = snapshot.Comparisons.Values
            .FirstOrDefault(a => IsVisible(a) && a.Meta.Aliases.Contains(slug, StringComparer.Ordinal));
        return renamed is not null
            ? new SlugResolution(SlugStatus.Moved, renamed)
            : new SlugResolution(SlugStatus.NotFound, null);
    }

    /// <summary>
    /// Comparisons readers can reach and listings show: not withdrawn, and not drafts unless configured.
    /// </summary>
    public IEnumerable<ComparisonArticle> Published => PublishedIn(Current);

    /// <summary>The comparisons of <paramref name="snapshot"/> that <see cref="Published"/> would list.</summary>
    public IEnumerable<ComparisonArticle> PublishedIn(ContentSnapshot snapshot) =>
        snapshot.Comparisons.Values.Where(IsVisible);

    private bool IsVisible(ComparisonArticle article) =>
        !article.Meta.Withdrawn && (!article.Meta.Draft || Options.ShowDrafts);

    /// <summary>The files as they were when the live snapshot's load began.</summary>
    internal ContentFingerprint LoadedFingerprint => Volatile.Read(ref _loadedFingerprint);

    /// <summary>Loads the content from disk and swaps the new snapshot in.</summary>
    public Task ReloadAsync(CancellationToken cancellationToken) =>
        ReloadAsync(onlyIfSettled: false, changedFolders: null, cancellationToken);

    /// <summary>
    /// Reads the comparison folders whose files changed since the live snapshot's load and swaps the new snapshot
    /// in; every other comparison stays the very object it was, so its cached pages and derived data stay valid.
    /// <paramref name="changedFolders"/> names the top-level folders file events reported (null: look at every
    /// folder's files). With <paramref name="onlyIfSettled"/>, the snapshot is kept only if no file changed while
    /// it was read (else returns false and keeps the live snapshot: a save was landing).
    /// </summary>
    internal async Task<bool> ReloadAsync(
        bool onlyIfSettled, IReadOnlySet<string>? changedFolders, CancellationToken cancellationToken)
    {
        await _reloadGate.WaitAsync(cancellationToken);
        try
        {
            var loaded = LoadedFingerprint;
            ContentFingerprint Look() => changedFolders is null
                ? ContentFingerprint.Take(RootPath)
                : loaded.Retake(RootPath, changedFolders);
            var started = Stopwatch.GetTimestamp();
            var before = Look();
            var (next, folders, read) = await LoadAsync(Current, before, cancellationToken);
            if (onlyIfSettled && !before.Equals(Look()))
            {
                _logger.LogDebug("Content changed while it was loading; waiting for it to settle");
                return false;
            }

            lock (_swapping)
            {
                Volatile.Write(ref _current, next);
                _wholeContentIn = true;
            }

            Volatile.Write(ref _loadedFingerprint, before);
            _folders = folders;
            _logger.LogInformation(
                "Content loaded from {ContentRoot}: {ComparisonCount} comparisons ({ReadCount} read), "
                + "{ErrorCount} errors, in {ElapsedMs:F0} ms",
                RootPath, next.Comparisons.Count, read,
                next.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error),
                Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            Changed?.Invoke(next);
            _firstLoad.TrySetResult();
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _firstLoad.TrySetException(ex);
            throw;
        }
        finally
        {
            _reloadGate.Release();
        }
    }

    private async Task<(ContentSnapshot Snapshot, ImmutableDictionary<string, LoadedFolder> Folders, int Read)>
        LoadAsync(ContentSnapshot previous, ContentFingerprint fingerprint, CancellationToken cancellationToken)
    {
        var diagnostics = new List<ContentDiagnostic>();
        var comparisons = ImmutableSortedDictionary.CreateBuilder<string, ComparisonArticle>(StringComparer.Ordinal);
        if (!Directory.Exists(RootPath))
        {
            // Deploys replace content/ by delete-and-copy or a rename swap: while it is gone, what was live stays.
            diagnostics.Add(
                ContentDiagnostic.Error(RootPath, 0, "the content folder does not exist; set Content:Path"));
            comparisons.AddRange(previous.Comparisons);
            return (Snapshot(comparisons, diagnostics), _folders, 0);
        }

        var names = fingerprint.Folders.Keys.Where(IsComparisonFolder).ToList();
        var unchanged = names
            .Where(n => _folders.TryGetValue(n, out var f) && f.Stamp.Equals(fingerprint.Folders[n]))
            .ToHashSet(StringComparer.Ordinal);
        var read = new ConcurrentDictionary<string, ComparisonLoadResult>(StringComparer.Ordinal);
        // Folders are independent: at start-up (or a deploy) they are read on every core.
        await Parallel.ForEachAsync(
            names.Where(n => !unchanged.Contains(n)),
            new ParallelOptions { CancellationToken = cancellationToken },
            async (name, token) =>
            {
                if (_observer is not null)
                {
                    await _observer.BeforeFolderAsync(name, token);
                }

                read[name] = await LoadFolderAsync(Path.Combine(RootPath, name), token);
            });

        var folders = ImmutableDictionary.CreateBuilder<string, LoadedFolder>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var isNew = read.TryGetValue(name, out var result);
            result ??= _folders[name].Result;
            folders[name] = new LoadedFolder(fingerprint.Folders[name], result);
            diagnostics.AddRange(result.Diagnostics);
            if (isNew)
            {
                Report(result.Diagnostics);
            }

            var article = result.Article;
            if (article is null && previous.Comparisons.TryGetValue(result.FolderName, out var lastGood))
            {
                if (isNew)
                {
                    _logger.LogWarning(
                        "Keeping the last good version of {Slug} live until its files parse again", result.FolderName);
                }

                article = lastGood;
            }

            if (article is not null)
            {
                comparisons[article.Slug] = article;
            }
        }

        var unknownRelated = UnknownRelated(comparisons);
        diagnostics.AddRange(unknownRelated);
        if (!read.IsEmpty || names.Count != _folders.Count)
        {
            // Only a changed or removed folder can name a slug afresh: repeating the rest would flood the log.
            Report(unknownRelated);
        }

        return (Snapshot(comparisons, diagnostics), folders.ToImmutable(), read.Count);
    }

    private static ContentSnapshot Snapshot(
        ImmutableSortedDictionary<string, ComparisonArticle>.Builder comparisons,
        List<ContentDiagnostic> diagnostics) =>
        new()
        {
            Comparisons = comparisons.ToImmutable(),
            Diagnostics = diagnostics,
            LoadedAt = DateTimeOffset.UtcNow,
        };

    /// <summary>
    /// Before the first load is in, makes the comparison at <paramref name="slug"/> servable on its own: its folder is
    /// read (once, however many requests ask) and the comparison added to the live snapshot, so a reader of one
    /// page waits for that page's folder, not for every folder. True when the comparison is live (or the first load
    /// is in, which has it if anything does); false when no sound comparison folder has that name, and the caller
    /// must wait for the whole content (the slug may be a renamed comparison's alias).
    /// </summary>
    internal async Task<bool> LoadEarlyAsync(string slug, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _wholeContentIn))
        {
            return true;
        }

        if (!IsComparisonFolder(slug) || !Identifiers.IsSlug(slug) || !Directory.Exists(Path.Combine(RootPath, slug)))
        {
            return false;
        }

        var load = _early.GetOrAdd(slug, s => new Lazy<Task<bool>>(() => Task.Run(() => AddEarlyAsync(s))));
        return await load.Value.WaitAsync(cancellationToken);
    }

    private async Task<bool> AddEarlyAsync(string slug)
    {
        var result = await LoadFolderAsync(Path.Combine(RootPath, slug), CancellationToken.None);
        lock (_swapping)
        {
            if (_wholeContentIn)
            {
                return true;
            }

            if (result.Article is null)
            {
                return false;
            }

            // No Changed event: nothing has been served from the content yet, and the first load raises it.
            var current = Current;
            Volatile.Write(ref _current, current with
            {
                Comparisons = current.Comparisons.SetItem(slug, result.Article),
            });
            _logger.LogInformation("{Slug} loaded ahead of the rest of the content for its first reader", slug);
            return true;
        }
    }

    // A file that trips the parser in a way nobody foresaw is still just a broken file: it must not take
    // the other comparisons (or the reload loop) down with it.
    private async Task<ComparisonLoadResult> LoadFolderAsync(string folder, CancellationToken cancellationToken)
    {
        try
        {
            return await _loader.LoadAsync(RootPath, folder, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _logger.LogError(ex, "Unexpected failure loading {Folder}", folder);
            var name = Path.GetFileName(folder);
            var problem = ContentDiagnostic.Error(name, 0, $"the folder could not be loaded: {ex.Message}");
            return new ComparisonLoadResult(name, null, [problem]);
        }
    }

    // Only the whole content knows which slugs exist; a missing one costs a related link, not the page.
    private static List<ContentDiagnostic> UnknownRelated(IDictionary<string, ComparisonArticle> comparisons) =>
        [.. comparisons.Values.SelectMany(a => a.Meta.Related
            .Where(r => !comparisons.ContainsKey(r))
            .Select(r => ContentDiagnostic.Warning(
                a.Folder + "/" + ComparisonLoader.IndexFile,
                a.Meta.RelatedLine,
                $"related '{r}' names no comparison under content/ (is it renamed or misspelt?)")))];

    private void Report(IEnumerable<ContentDiagnostic> diagnostics)
    {
        foreach (var d in diagnostics)
        {
            var level = d.Severity == DiagnosticSeverity.Error ? LogLevel.Error : LogLevel.Warning;
            _logger.Log(level, "Content problem in {File}:{Line}: {Problem}", d.File, d.Line, d.Message);
        }
    }

    public void Dispose() => _reloadGate.Dispose();

    // Folders starting with '.' or '_' are editors' scratch space (and editors' tools' temp folders).
    private static bool IsComparisonFolder(string name) => name.Length > 0 && name[0] is not ('.' or '_');

    /// <summary>A folder as last read: its files' stamps then, and what the loader made of them.</summary>
    private sealed record LoadedFolder(ContentFingerprint.FolderStamp Stamp, ComparisonLoadResult Result);
}
