using System.Buffers;

namespace ComparisonSite.Files;

/// <summary>The bytes of one input file, or why it was not read (a sentence that starts "the file").</summary>
public readonly record struct InputFileBytes(byte[]? Bytes, string? Problem);

/// <summary>The text of one input file, or why it was not read.</summary>
public readonly record struct InputFileText(string? Text, string? Problem);

/// <summary>
/// The one way the program reads a file it is given (content, imports and their dry runs, the seed runs), by one
/// rule: a file is read only when it is what it looks like (a regular file or a folder; a FIFO, device or socket
/// is refused without being opened, as opening a FIFO blocks) and, with every symbolic link on its way followed,
/// it lies inside its <see cref="InputRoot"/>; a read stops at the size bound whatever length the file system
/// reports. Links that stay inside the root are followed (an editor may share a file between comparisons; a
/// "latest.json" may lead to a dated run), as is a root that is itself a link (a deploy that swaps releases). A
/// problem says what the file is, never what it holds. The resolved path is what is opened: what was checked is
/// what is read.
/// </summary>
public static class InputFiles
{
    // Linux's own limit on links followed in one lookup (ELOOP).
    private const int MaxLinks = 40;
    private const int ChunkBytes = 16 * 1024;

    /// <summary>Why the folder may not be read, or null when it may.</summary>
    public static string? FolderProblem(InputRoot root, string folder) =>
        Check(root, folder, expectFolder: true).Problem;

    /// <summary>The file's bytes, at most <paramref name="maxBytes"/>, when the rule lets it be read.</summary>
    public static async Task<InputFileBytes> ReadBytesAsync(
        InputRoot root, string path, int maxBytes, CancellationToken cancellationToken)
    {
        var (real, problem) = Readable(root, path, maxBytes);
        if (real is null)
        {
            return new InputFileBytes(null, problem);
        }

        await using var stream = Open(real);
        using var bytes = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        try
        {
            int read;
            while (bytes.Length <= maxBytes && (read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
            {
                bytes.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return Bounded(bytes, maxBytes);
    }

    /// <inheritdoc cref="ReadBytesAsync"/>
    public static InputFileBytes ReadBytes(InputRoot root, string path, int maxBytes)
    {
        var (real, problem) = Readable(root, path, maxBytes);
        if (real is null)
        {
            return new InputFileBytes(null, problem);
        }

        using var stream = Open(real);
        using var bytes = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        try
        {
            int read;
            while (bytes.Length <= maxBytes && (read = stream.Read(chunk)) > 0)
            {
                bytes.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return Bounded(bytes, maxBytes);
    }

    /// <summary>The file's text (its byte order mark, if any, choosing the encoding; else UTF-8).</summary>
    public static async Task<InputFileText> ReadTextAsync(
        InputRoot root, string path, int maxBytes, CancellationToken cancellationToken) =>
        Decode(await ReadBytesAsync(root, path, maxBytes, cancellationToken));

    /// <inheritdoc cref="ReadTextAsync"/>
    public static InputFileText ReadText(InputRoot root, string path, int maxBytes) =>
        Decode(ReadBytes(root, path, maxBytes));

    /// <summary>A reader over bytes already read, for parsers that take text.</summary>
    public static StreamReader TextReader(byte[] bytes) =>
        new(new MemoryStream(bytes, writable: false), detectEncodingFromByteOrderMarks: true);

    private static (string? Real, string? Problem) Check(InputRoot root, string path, bool expectFolder)
    {
        var what = expectFolder ? "the folder" : "the file";
        var real = RealPath(path);
        if (real is null)
        {
            return (null, $"{what} is a chain of more than {MaxLinks} symbolic links");
        }

        var problem = UnixFileTypes.Of(real) switch
        {
            UnixFileType.RegularFile when !expectFolder => null,
            UnixFileType.Directory when expectFolder => null,
            UnixFileType.Unknown => null, // not Linux: the containment check and the bounded read still hold
            UnixFileType.Missing when new FileInfo(path).LinkTarget is null => $"{what} does not exist",
            UnixFileType.Missing => $"{what} is a symbolic link to something that does not exist",
            UnixFileType.Fifo => $"{what} is a named pipe (FIFO), not a regular file; it was not opened",
            UnixFileType.CharacterDevice or UnixFileType.BlockDevice =>
                $"{what} is a device, not a regular file; it was not opened",
            UnixFileType.Socket => $"{what} is a socket, not a regular file; it was not opened",
            UnixFileType.Directory => $"{what} is a folder",
            _ => $"{what} is not a folder",
        };
        if (problem is not null)
        {
            return (real, problem);
        }

        var realRoot = RealPath(root.Path) ?? Path.GetFullPath(root.Path);
        return IsBelow(real, Path.TrimEndingDirectorySeparator(realRoot))
            ? (real, null)
            : (real, $"{what} is a symbolic link to a place outside {root.Name}; {root.Advice}");
    }

    internal static bool IsBelow(string path, string folder) =>
        folder == Path.GetPathRoot(folder)
        || path.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    // The resolved path when the file may be opened, else why not; a file the file system says is too long
    // is refused before it is opened.
    private static (string? Real, string? Problem) Readable(InputRoot root, string path, int maxBytes)
    {
        var (real, problem) = Check(root, path, expectFolder: false);
        if (problem is not null)
        {
            return (null, problem);
        }

        var length = new FileInfo(real!).Length;
        return length > maxBytes ? (null, $"the file is {length:N0} bytes; the limit is {maxBytes:N0}") : (real, null);
    }

    private static FileStream Open(string real) =>
        new(real, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0,
            FileOptions.SequentialScan);

    private static InputFileBytes Bounded(MemoryStream bytes, int maxBytes) =>
        bytes.Length > maxBytes
            // The length the file system gave was wrong, or the file grew while it was read.
            ? new InputFileBytes(null, $"the file is more than {maxBytes:N0} bytes; the limit is {maxBytes:N0}")
            : new InputFileBytes(bytes.ToArray(), null);

    private static InputFileText Decode(InputFileBytes read)
    {
        if (read.Bytes is null)
        {
            return new InputFileText(null, read.Problem);
        }

        using var reader = TextReader(read.Bytes);
        return new InputFileText(reader.ReadToEnd(), null);
    }

    /// <summary>
    /// <paramref name="path"/> with every symbolic link in it followed, as the kernel would (a ".." after a link
    /// goes up from where the link leads); null for a chain of links that does not end.
    /// </summary>
    internal static string? RealPath(string path)
    {
        var full = Path.GetFullPath(path);
        var current = Path.GetPathRoot(full)!;
        var pending = new Stack<string>(Parts(full[current.Length..]).Reverse());
        var links = 0;
        while (pending.TryPop(out var part))
        {
            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? current;
                continue;
            }

            var next = Path.Join(current, part);
            var target = new FileInfo(next).LinkTarget;
            if (target is null)
            {
                current = next;
                continue;
            }

            if (++links > MaxLinks)
            {
                return null;
            }

            if (Path.IsPathRooted(target))
            {
                current = Path.GetPathRoot(target)!;
                target = target[current.Length..];
            }

            foreach (var targetPart in Parts(target).Reverse())
            {
                pending.Push(targetPart);
            }
        }

        return current;
    }

    private static IEnumerable<string> Parts(string path) =>
        path.Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries)
            .Where(p => p != ".");
}
