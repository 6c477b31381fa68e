using System.Collections.Concurrent;
using System.Globalization;
using System.Threading.Channels;
using ComparisonSite.Caching;
using ComparisonSite.Content;
using ComparisonSite.Results.Store;
using Microsoft.Extensions.Options;

namespace ComparisonSite.Editing;

/// <summary>
/// The live preview's change signal (Development only): the version of what pages show, that is the loaded
/// content and the results snapshot, and a wake-up for every open event stream whenever either is swapped.
/// It listens to <see cref="ContentLibrary.Changed"/> and <see cref="ResultsStore.Changed"/>, so a save
/// reaches open pages as soon as the content watcher has reloaded it, and an import from another process as soon
/// as LISTEN/NOTIFY has swapped the snapshot; no connection ever looks at the disk or the store itself.
/// </summary>
public sealed class EditorEvents : IDisposable
{
    private readonly ContentLibrary _content;
    private readonly ResultsStore _results;
    private readonly SnapshotSwaps _swaps;
    private readonly ConcurrentDictionary<Channel<string>, byte> _listeners = new();
    private readonly int _maxStreams;
    private int _open;

    public EditorEvents(ContentLibrary content, ResultsStore results, IOptions<EditorOptions> options)
    {
        _content = content;
        _results = results;
        _maxStreams = options.Value.MaxEventStreams;
        _swaps = new SnapshotSwaps(content, results, _ => Publish());
    }

    /// <summary>
    /// What pages show right now: changes with every content load and every results load. A page carries the
    /// version it was rendered from, so it reloads on any other, even one swapped in before its stream connected.
    /// </summary>
    public string Version => string.Create(
        CultureInfo.InvariantCulture,
        $"{_content.Current.LoadedAt.UtcTicks}-{_results.Current?.LoadedAt.UtcTicks ?? 0}");

    /// <summary>The most streams open at once (<see cref="EditorOptions.MaxEventStreams"/>).</summary>
    public int MaxStreams => _maxStreams;

    /// <summary>
    /// A stream of versions for one connection, newest only: a reader that is slow to send keeps just the last
    /// one; null when <see cref="MaxStreams"/> are already open. Dispose the subscription when the connection
    /// ends: that frees its place.
    /// </summary>
    public Subscription? TrySubscribe()
    {
        if (Interlocked.Increment(ref _open) > _maxStreams)
        {
            Interlocked.Decrement(ref _open);
            return null;
        }

        var channel = Channel.CreateBounded<string>(
            new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest });
        _listeners.TryAdd(channel, 0);
        return new Subscription(this, channel);
    }

    private void Publish()
    {
        var version = Version;
        foreach (var listener in _listeners.Keys)
        {
            listener.Writer.TryWrite(version);
        }
    }

    public void Dispose()
    {
        _swaps.Dispose();
    }

    /// <summary>One connection's view of the change signal.</summary>
    public sealed class Subscription(EditorEvents events, Channel<string> channel) : IDisposable
    {
        public ChannelReader<string> Versions => channel.Reader;

        public void Dispose()
        {
            // Only the first Dispose frees the place, so the count never drops below the streams still open.
            if (events._listeners.TryRemove(channel, out _))
            {
                Interlocked.Decrement(ref events._open);
            }
        }
    }
}
