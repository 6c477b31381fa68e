using System.Diagnostics;
using System.Threading.Channels;

namespace ComparisonSite.Content;

/// <summary>
/// Reloads the content whenever a file under content/ changes (the first load is Hosting/StartupLoads's).
/// <para>
/// A burst of file events (an editor's save is often several, a deploy's copy thousands) is folded into one
/// reload once the files have been quiet for <see cref="ContentOptions.QuietMilliseconds"/>, and the reload is
/// kept only if no file changed while it read them. A writer that pauses mid-file for longer than the quiet
/// period cannot be told from a finished save: a save in two parts 400 ms apart is loaded whole with the
/// default 500 ms, one with a longer pause may show its first part until the rest lands. Atomic saves (write a
/// temporary file, rename it over the old one) never show half a file. A folder written without pause is
/// still reloaded every four quiet periods.
/// </para>
/// <para>
/// Deploys replace content/ itself (delete and copy, or a rename swap), which a watch on the old folder never
/// sees: a second watch on the parent folder notices the name going and coming and re-arms the first, and a
/// rescan every <see cref="ContentOptions.RescanSeconds"/> compares the files with what was loaded, reloading
/// (and re-arming) on a change no event reported. <see cref="NotWatchingReason"/> feeds readiness.
/// </para>
/// </summary>
internal sealed class ContentWatcher(ContentLibrary library, ILogger<ContentWatcher> logger) : BackgroundService
{
    private const NotifyFilters Names = NotifyFilters.FileName | NotifyFilters.DirectoryName;
    private const NotifyFilters RootEvents = Names | NotifyFilters.LastWrite | NotifyFilters.Size;

    private readonly Channel<bool> _changes =
        Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    private readonly Lock _gate = new();
    private readonly ChangedFolders _changed = new();
    private readonly TimeSpan _quiet = TimeSpan.FromMilliseconds(library.Options.QuietMilliseconds);
    private FileSystemWatcher? _root;
    private FileSystemWatcher? _parent;
    private volatile bool _rearm;
    private volatile bool _reloading;
    private volatile bool _ignoreEvents;
    private bool _disposed;

    private TimeSpan LongestWait => _quiet * 4;

    /// <summary>Why changes are not being followed, or null when they are (or watching is switched off).</summary>
    public string? NotWatchingReason
    {
        get
        {
            if (!library.Options.WatchForChanges)
            {
                return null;
            }

            if (!Directory.Exists(library.RootPath))
            {
                return "the content folder is missing";
            }

            lock (_gate)
            {
                return _root is null ? "the watch on the content folder is lost; re-arming" : null;
            }
        }
    }

    /// <summary>
    /// Drops file events until the watch is next re-armed, as a file system that never delivers them would
    /// (some bind mounts, network shares): lets tests show that the rescan alone catches a change.
    /// </summary>
    internal void IgnoreFileEvents() => _ignoreEvents = true;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        if (library.Options.WatchForChanges)
        {
            Arm();
        }

        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!library.Options.WatchForChanges)
        {
            return;
        }

        var rescan = RescanAsync(stoppingToken);
        while (await _changes.Reader.WaitToReadAsync(stoppingToken))
        {
            _reloading = true;
            var sinceFirstChange = Stopwatch.StartNew();
            do
            {
                await WaitForQuietAsync(sinceFirstChange, stoppingToken);
            }
            while (!await TryReloadAsync(onlyIfSettled: sinceFirstChange.Elapsed < LongestWait, stoppingToken));

            _reloading = false;
        }

        await rescan;
    }

    // Trailing edge: every event restarts the quiet period, up to the longest wait since the first one.
    private async Task WaitForQuietAsync(Stopwatch sinceFirstChange, CancellationToken stoppingToken)
    {
        while (true)
        {
            _changes.Reader.TryRead(out _);
            // At once, not after the quiet period: a copy into a new content/ is then seen file by file.
            RearmIfAsked();
            var left = LongestWait - sinceFirstChange.Elapsed;
            var wait = left < _quiet ? left : _quiet;
            if (wait <= TimeSpan.Zero)
            {
                return;
            }

            using var quiet = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            quiet.CancelAfter(wait);
            try
            {
                await _changes.Reader.WaitToReadAsync(quiet.Token);
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
                RearmIfAsked();
                return;
            }
        }
    }

    // True when done (reloaded, or failed with a retry queued); false when a file changed during the load. The
    // folders events named are taken for this reload and handed back when it does not land.
    private async Task<bool> TryReloadAsync(bool onlyIfSettled, CancellationToken stoppingToken)
    {
        var folders = _changed.Take();
        var landed = false;
        try
        {
            landed = await library.ReloadAsync(onlyIfSettled, folders, stoppingToken);
            return landed;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A file vanished or was locked mid-save; the next event (or this retry) picks it up.
            logger.LogWarning(ex, "Content reload failed; retrying shortly");
            Signal();
            return true;
        }
        finally
        {
            if (!landed)
            {
                _changed.GiveBack(folders);
            }
        }
    }

    private async Task RescanAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(library.Options.RescanSeconds));
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                Rescan();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private void Rescan()
    {
        if (_reloading || _changes.Reader.Count > 0)
        {
            return;
        }

        var root = library.RootPath;
        bool rootWatched, parentWatched;
        lock (_gate)
        {
            (rootWatched, parentWatched) = (_root is not null, _parent is not null);
        }

        if (!rootWatched && Directory.Exists(root))
        {
            RequestRearm();
            return;
        }

        if (!parentWatched && Directory.Exists(Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(root))))
        {
            Arm();
        }

        if (!ContentFingerprint.Take(root).Equals(library.LoadedFingerprint))
        {
            // A change no event reported: the watch is evidently deaf, so renew it as well.
            logger.LogInformation("Content changed without a file event; re-arming the watch and reloading");
            RequestRearm();
        }
    }

    private void RequestRearm()
    {
        _rearm = true;
        _changed.EverythingChanged();
        Signal();
    }

    private void Signal() => _changes.Writer.TryWrite(true);

    private void RearmIfAsked()
    {
        if (_rearm)
        {
            _rearm = false;
            Arm();
        }
    }

    // Replaces both watches with new ones on whatever folders the paths name now.
    private void Arm()
    {
        var root = Path.TrimEndingDirectorySeparator(library.RootPath);
        bool watching;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _root?.Dispose();
            _parent?.Dispose();
            _ignoreEvents = false;
            _root = Directory.Exists(root) ? TryWatch(root, filter: null) : null;
            _parent = Path.GetDirectoryName(root) is { } parent && Directory.Exists(parent)
                ? TryWatch(parent, Path.GetFileName(root))
                : null;
            watching = _root is not null;
        }

        if (!watching)
        {
            logger.LogWarning("Not watching {ContentRoot} for changes until it exists again", root);
        }
    }

    // filter null: everything under the content folder; else: the content folder's own name in its parent.
    private FileSystemWatcher? TryWatch(string folder, string? filter)
    {
        FileSystemWatcher? watcher = null;
        try
        {
            watcher = filter is null
                ? new FileSystemWatcher(folder) { IncludeSubdirectories = true, NotifyFilter = RootEvents }
                : new FileSystemWatcher(folder, filter) { NotifyFilter = Names };
            FileSystemEventHandler onChange = filter is null
                ? (_, e) => OnFileEvent(e.FullPath)
                : (_, _) => RequestRearm();
            watcher.Changed += onChange;
            watcher.Created += onChange;
            watcher.Deleted += onChange;
            watcher.Renamed += (sender, e) =>
            {
                onChange(sender, e);
                if (filter is null)
                {
                    OnFileEvent(e.OldFullPath);
                }
            };
            watcher.Error += (_, e) =>
            {
                logger.LogWarning(e.GetException(), "Content watcher lost events; re-arming and reloading everything");
                RequestRearm();
            };
            watcher.EnableRaisingEvents = true;
            return watcher;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            // Out of inotify watches, or the folder went between the check and the watch: the rescan retries.
            logger.LogWarning(ex, "Could not watch {Folder}; the rescan will retry", folder);
            watcher?.Dispose();
            return null;
        }
    }

    private void OnFileEvent(string path)
    {
        if (!_ignoreEvents)
        {
            _changed.Add(TopLevelFolder(path));
            Signal();
        }
    }

    // The name of the content folder's entry that holds path (the entry itself for a top-level one).
    private string TopLevelFolder(string path)
    {
        var relative = Path.GetRelativePath(library.RootPath, path);
        var separator = relative.IndexOf(Path.DirectorySeparatorChar, StringComparison.Ordinal);
        return separator < 0 ? relative : relative[..separator];
    }

    public override void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _root?.Dispose();
            _parent?.Dispose();
            _root = null;
            _parent = null;
        }

        base.Dispose();
    }
}
