using System.Threading.Channels;

namespace ComparisonSite.Content;

/// <summary>
/// Reloads the content whenever a file under content/ changes (the first load is <see cref="StartupLoads"/>'s).
/// Bursts of file events (an editor's save is often several) are folded into one reload.
/// </summary>
internal sealed class ContentWatcher(ContentLibrary library, ILogger<ContentWatcher> logger) : BackgroundService
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(200);
    private readonly Channel<bool> _changes = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private FileSystemWatcher? _watcher;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        if (library.Options.WatchForChanges && Directory.Exists(library.RootPath))
        {
            _watcher = new FileSystemWatcher(library.RootPath) { IncludeSubdirectories = true, NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size };
            _watcher.Changed += (_, _) => _changes.Writer.TryWrite(true);
            _watcher.Created += (_, _) => _changes.Writer.TryWrite(true);
            _watcher.Deleted += (_, _) => _changes.Writer.TryWrite(true);
            _watcher.Renamed += (_, _) => _changes.Writer.TryWrite(true);
            _watcher.Error += (_, e) =>
            {
                logger.LogWarning(e.GetException(), "Content watcher lost events; reloading everything");
                _changes.Writer.TryWrite(true);
            };
            _watcher.EnableRaisingEvents = true;
        }

        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (await _changes.Reader.WaitToReadAsync(stoppingToken))
        {
            await Task.Delay(Quiet, stoppingToken);
            _changes.Reader.TryRead(out _);
            try
            {
                await library.ReloadAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // A file vanished or was locked mid-save; the next event (or this retry) picks it up.
                logger.LogWarning(ex, "Content reload failed; retrying shortly");
                _changes.Writer.TryWrite(true);
            }
        }
    }

    public override void Dispose()
    {
        _watcher?.Dispose();
        base.Dispose();
    }
}
