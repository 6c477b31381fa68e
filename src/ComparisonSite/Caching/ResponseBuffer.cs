namespace ComparisonSite.Caching;

/// <summary>
/// Holds a response's body in memory, for the page cache, so the render completes and its entry is kept
/// whatever pace the client reads at. Nothing reaches the client until the caller sends it (flushes are held
/// too). Past the limit it lets go: what it held and everything after goes straight out, and the page is not
/// kept.
/// </summary>
internal sealed class ResponseBuffer(Stream inner, int limit, HttpResponse response) : Stream
{
    private MemoryStream? _held;

    /// <summary>The body went out as it was written (it passed the limit); nothing is held.</summary>
    public bool PassedThrough { get; private set; }

    /// <summary>The whole body, when it was held; without a copy when the response announced its length.</summary>
    public byte[] Held()
    {
        if (_held is null)
        {
            return [];
        }

        return _held.TryGetBuffer(out var buffer) && buffer.Offset == 0 && buffer.Count == buffer.Array!.Length
            ? buffer.Array
            : _held.ToArray();
    }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (Hold(buffer.Length))
        {
            _held!.Write(buffer);
            return;
        }

        if (_held is { Length: > 0 } held)
        {
            _held = null;
            inner.Write(held.GetBuffer().AsSpan(0, (int)held.Length));
        }

        inner.Write(buffer);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask WriteAsync(
        ReadOnlyMemory<byte> buffer,
        CancellationToken cancellationToken = default)
    {
        if (Hold(buffer.Length))
        {
            _held!.Write(buffer.Span);
            return;
        }

        if (_held is { Length: > 0 } held)
        {
            // Passing the limit now: what was held goes out first.
            _held = null;
            await inner.WriteAsync(held.GetBuffer().AsMemory(0, (int)held.Length), cancellationToken);
        }

        await inner.WriteAsync(buffer, cancellationToken);
    }

    public override void Flush()
    {
        if (PassedThrough)
        {
            inner.Flush();
        }
    }

    public override Task FlushAsync(CancellationToken cancellationToken) =>
        PassedThrough ? inner.FlushAsync(cancellationToken) : Task.CompletedTask;

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    /// <summary>Whether these bytes are held; the first write sizes the buffer from Content-Length if set.</summary>
    private bool Hold(int count)
    {
        if (PassedThrough)
        {
            return false;
        }

        if (_held is null)
        {
            var announced = response.ContentLength is { } length && length <= limit ? (int)length : 0;
            _held = new MemoryStream(Math.Max(announced, count));
        }

        if (_held.Length + count <= limit)
        {
            return true;
        }

        PassedThrough = true;
        return false;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _held?.Dispose();
        }

        base.Dispose(disposing);
    }
}
