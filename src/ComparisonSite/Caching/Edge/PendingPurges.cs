using System.Threading.Channels;

namespace ComparisonSite.Caching.Edge;

/// <summary>
/// Purges waiting to be sent. Adding never waits, so a snapshot swap (and the import behind it) never waits
/// on a purger; <see cref="PurgeSender"/> drains it in the background.
/// </summary>
public sealed class PendingPurges
{
    private readonly Channel<PurgeRequest> _channel =
        Channel.CreateUnbounded<PurgeRequest>(new UnboundedChannelOptions { SingleReader = true });

    public void Add(PurgeRequest request) => _channel.Writer.TryWrite(request);

    public IAsyncEnumerable<PurgeRequest> ReadAllAsync(CancellationToken cancellationToken) =>
        _channel.Reader.ReadAllAsync(cancellationToken);
}
