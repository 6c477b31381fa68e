using System.Collections.Immutable;
using System.IO.Enumeration;

namespace ComparisonSite.Content;

/// <summary>
/// The path, size and last write time of every file under the content folder: cheap to take (no file is
/// opened), and it changes whenever a save lands. The watcher compares it to tell a folder that has settled
/// from one still being written, and to catch changes its file events missed.
/// </summary>
internal sealed class ContentFingerprint : IEquatable<ContentFingerprint>
{
    /// <summary>Before the first load: equal to no fingerprint taken from disk.</summary>
    public static readonly ContentFingerprint None = new(RootState.NotLooked, []);

    private readonly RootState _root;
    private readonly ImmutableArray<FileStamp> _files;

    private ContentFingerprint(RootState root, ImmutableArray<FileStamp> files)
    {
        _root = root;
        _files = files;
    }

    private enum RootState
    {
        NotLooked,
        Missing,
        Present,
    }

    /// <summary>
    /// Takes the fingerprint of <paramref name="root"/>. Hidden entries (editors' swap and lock files, .git)
    /// are left out: the loader never reads them, and they change while an editor is merely open.
    /// </summary>
    public static ContentFingerprint Take(string root)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true };
        try
        {
            var files = new FileSystemEnumerable<FileStamp>(root, Stamp, options)
            {
                ShouldIncludePredicate = (ref FileSystemEntry entry) => !entry.IsDirectory,
            };
            return new ContentFingerprint(RootState.Present, [.. files.OrderBy(f => f.Path, StringComparer.Ordinal)]);
        }
        catch (DirectoryNotFoundException)
        {
            // Missing, or deleted while it was walked: either way there is nothing to fingerprint yet.
            return new ContentFingerprint(RootState.Missing, []);
        }
    }

    public bool Equals(ContentFingerprint? other) =>
        other is not null && _root == other._root && _files.SequenceEqual(other._files);

    public override bool Equals(object? obj) => Equals(obj as ContentFingerprint);

    public override int GetHashCode() => HashCode.Combine(_root, _files.Length);

    private static FileStamp Stamp(ref FileSystemEntry entry) =>
        new(entry.ToFullPath(), entry.Length, entry.LastWriteTimeUtc.UtcTicks);

    private readonly record struct FileStamp(string Path, long Length, long LastWriteTicks);
}
