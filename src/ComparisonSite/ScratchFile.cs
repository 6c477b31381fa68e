using Microsoft.Win32.SafeHandles;

namespace ComparisonSite;

/// <summary>
/// An append-only file without a name, for bytes the process keeps but seldom reads: each comparison's compressed
/// Markdown, the search index's section texts. With ten thousand comparisons they are hundreds of megabytes that
/// need not count against the process's memory: a read goes through the kernel's page cache. The file is
/// unlinked as soon as it is opened (deleted on close where that cannot be done), so it goes when its last reader
/// does, however the process ends. Where no file can be made (no writable temporary folder), the bytes are kept
/// in memory instead: the site runs as before, with the memory this would have saved.
/// </summary>
internal sealed class ScratchFile
{
    // Past this size the shared file is left to the readers it has and a new one is started, so the bytes of
    // comparisons replaced by saves go with their file once nothing reads it.
    private const long RotateAt = 64L << 20;

    private static readonly Lock SharedGate = new();
    private static ScratchFile? _shared;

    private readonly SafeFileHandle? _file;
    private readonly MemoryStream? _memory;
    private long _length;

    private ScratchFile(SafeFileHandle? file)
    {
        _file = file;
        _memory = file is null ? new MemoryStream() : null;
    }

    /// <summary>True when the bytes are on disk; false when no file could be made and memory holds them.</summary>
    public bool OnDisk => _file is not null;

    /// <summary>A place in a scratch file: what <see cref="Append"/> returns and <see cref="Read"/> reads.</summary>
    internal readonly record struct Place(ScratchFile File, long Offset, int Length)
    {
        public byte[] Read()
        {
            var bytes = new byte[Length];
            File.Read(Offset, bytes);
            return bytes;
        }
    }

    /// <summary>The file the content's compressed texts go to, shared by every comparison until it is full.</summary>
    public static ScratchFile Shared
    {
        get
        {
            lock (SharedGate)
            {
                if (_shared is null || Volatile.Read(ref _shared._length) >= RotateAt)
                {
                    _shared = Create();
                }

                return _shared;
            }
        }
    }

    /// <summary>A new scratch file in <paramref name="folder"/> (by default the temp folder's own).</summary>
    public static ScratchFile Create(string? folder = null)
    {
        try
        {
            folder ??= Path.Combine(Path.GetTempPath(), "comparisonsite");
            Directory.CreateDirectory(folder);
            var path = Path.Combine(folder, $"{Environment.ProcessId}-{Guid.NewGuid():N}.scratch");
            var file = File.OpenHandle(
                path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, FileOptions.DeleteOnClose);
            if (!OperatingSystem.IsWindows())
            {
                File.Delete(path);
            }

            return new ScratchFile(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new ScratchFile(null);
        }
    }

    /// <summary>Writes the bytes at the file's end; safe to call from several threads at once.</summary>
    public Place Append(ReadOnlySpan<byte> bytes)
    {
        if (_memory is not null)
        {
            lock (_memory)
            {
                var at = _memory.Length;
                _memory.Position = at;
                _memory.Write(bytes);
                Volatile.Write(ref _length, _memory.Length);
                return new Place(this, at, bytes.Length);
            }
        }

        var offset = Interlocked.Add(ref _length, bytes.Length) - bytes.Length;
        RandomAccess.Write(_file!, bytes, offset);
        return new Place(this, offset, bytes.Length);
    }

    public void Read(long offset, Span<byte> into)
    {
        if (_memory is not null)
        {
            lock (_memory)
            {
                _memory.GetBuffer().AsSpan((int)offset, into.Length).CopyTo(into);
                return;
            }
        }

        var read = 0;
        while (read < into.Length)
        {
            var got = RandomAccess.Read(_file!, into[read..], offset + read);
            if (got == 0)
            {
                throw new EndOfStreamException("a scratch file ended before the bytes written to it");
            }

            read += got;
        }
    }
}
