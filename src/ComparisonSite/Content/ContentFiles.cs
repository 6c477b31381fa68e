using System.Buffers;

namespace ComparisonSite.Content;

/// <summary>The text of one content file, or why it was not read.</summary>
internal readonly record struct ContentFileText(string? Text, string? Problem);

/// <summary>
/// The only way content files are read: a file or comparison folder is used only when it is what it looks
/// like (a regular file or a folder, never a FIFO, device or socket, which are refused without being opened:
/// opening a FIFO blocks) and, with every symbolic link on its way followed, it lies inside the content root.
/// Links inside the root that point inside it are allowed (an editor may share a file between comparisons),
/// as is a content root that is itself a link (a deploy that swaps releases). A read stops at the size limit
/// whatever length the file system reports.
/// </summary>
internal static class ContentFiles
{
    // Linux's own limit on links followed in one lookup (ELOOP).
    private const int MaxLinks = 40;
    private const int ChunkBytes = 16 * 1024;

    /// <summary>Why the comparison folder may not be read, or null when it may.</summary>
    public static string? FolderProblem(string root, string folder) =>
        Problem(root, folder, expectFolder: true).Problem;

    public static async Task<ContentFileText> ReadTextAsync(
        string root, string path, int maxBytes, CancellationToken cancellationToken)
    {
        var (real, problem) = Readable(root, path, maxBytes);
        if (real is null)
        {
            return new ContentFileText(null, problem);
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

        return Decode(bytes, maxBytes);
    }

    /// <inheritdoc cref="ReadTextAsync"/>
    public static ContentFileText ReadText(string root, string path, int maxBytes)
    {
        var (real, problem) = Readable(root, path, maxBytes);
        if (real is null)
        {
            return new ContentFileText(null, problem);
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

        return Decode(bytes, maxBytes);
    }

    private static (string? Real, string? Problem) Problem(string root, string path, bool expectFolder)
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

        var realRoot = RealPath(root) ?? Path.GetFullPath(root);
        if (!real.StartsWith(Path.TrimEndingDirectorySeparator(realRoot) + Path.DirectorySeparatorChar,
                StringComparison.Ordinal))
        {
            return (real, $"{what} is a symbolic link to a place outside the content folder; only files inside it "
                + "are read");
        }

        return (real, null);
    }

    // The resolved path when the file may be opened, else why not; a file the file system says is too long
    // is refused before it is opened.
    private static (string? Real, string? Problem) Readable(string root, string path, int maxBytes)
    {
        var (real, problem) = Problem(root, path, expectFolder: false);
        if (problem is not null)
        {
            return (null, problem);
        }

        var length = new FileInfo(real!).Length;
        return length > maxBytes ? (null, $"the file is {length:N0} bytes; the limit is {maxBytes:N0}") : (real, null);
    }

    // The resolved path, not the link, is opened: what was checked is what is read.
    private static FileStream Open(string real) =>
        new(real, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0,
            FileOptions.SequentialScan);

    private static ContentFileText Decode(MemoryStream bytes, int maxBytes)
    {
        if (bytes.Length > maxBytes)
        {
            // The length the file system gave was wrong, or the file grew while it was read.
            return new ContentFileText(null, $"the file is more than {maxBytes:N0} bytes; the limit is {maxBytes:N0}");
        }

        bytes.Position = 0;
        using var reader = new StreamReader(bytes, detectEncodingFromByteOrderMarks: true);
        return new ContentFileText(reader.ReadToEnd(), null);
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
