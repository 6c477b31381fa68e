using System.Collections.Immutable;
using System.IO.Enumeration;

namespace ComparisonSite.Content;

/// <summary>
/// The path, size and last write time of every file under the content folder, grouped by the top-level folder
/// each lies in: cheap to take (no file is opened), and it changes whenever a save lands. The library compares
/// folder by folder to reload only the comparisons whose files changed; the watcher compares the whole to tell a
/// folder that has settled from one still being written, and to catch changes its file events missed.
/// </summary>
internal sealed class ContentFingerprint : IEquatable<ContentFingerprint>
{
    /// <summary>Before the first load: equal to no fingerprint taken from disk.</summary>
    public static readonly ContentFingerprint None =
        new(RootState.NotLooked, ImmutableSortedDictionary<string, FolderStamp>.Empty);

    /// <summary>The name under which files lying directly in the content folder are grouped.</summary>
    public const string RootFiles = "";

    private static readonly EnumerationOptions Recursive =
        new() { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = 0 };

    private static readonly EnumerationOptions TopLevel = new() { IgnoreInaccessible = true, AttributesToSkip = 0 };

    private readonly RootState _root;

    private ContentFingerprint(RootState root, ImmutableSortedDictionary<string, FolderStamp> folders)
    {
        _root = root;
        Folders = folders;
    }

    private enum RootState
    {
        NotLooked,
        Missing,
        Present,
    }

    /// <summary>Each top-level folder's files (and <see cref="RootFiles"/>'s), by the folder's name.</summary>
    public ImmutableSortedDictionary<string, FolderStamp> Folders { get; }

    public bool IsTaken => _root != RootState.NotLooked;

    /// <summary>
    /// Takes the fingerprint of <paramref name="root"/>. Hidden entries (editors' swap and lock files, .git)
    /// are left out: the loader never reads them, and they change while an editor is merely open.
    /// </summary>
    public static ContentFingerprint Take(string root) => TakeFolders(root, previous: null, changed: null);

    /// <summary>
    /// This fingerprint brought up to date for the top-level folders named in <paramref name="changed"/> (and
    /// for any folder that appeared or went since): the other folders are not walked again. What a save costs
    /// is then its own folder, not the whole content.
    /// </summary>
    public ContentFingerprint Retake(string root, IReadOnlySet<string> changed) =>
        !IsTaken ? Take(root)
        : RetakeFolders(root, changed) ?? TakeFolders(root, this, changed);

    /// <summary>
    /// Only the named folders stamped again, without listing the content folder: at ten thousand comparisons the
    /// listing cost a save about 70 ms, twice (once before its folder is read and once after, to see it settled).
    /// Null when a name is not simply a folder that is there or a known folder that went (a file of the content
    /// folder itself, a folder turned file, the content folder gone): the whole listing then says what happened.
    /// </summary>
    private ContentFingerprint? RetakeFolders(string root, IReadOnlySet<string> changed)
    {
        if (_root != RootState.Present || !Directory.Exists(root))
        {
            return null;
        }

        var folders = Folders.ToBuilder();
        foreach (var name in changed)
        {
            var path = Path.Join(root, name);
            if (name.Length == 0 || name == "." || name.Contains(Path.DirectorySeparatorChar))
            {
                return null;
            }

            if (IsHidden(name))
            {
                continue; // the listing leaves hidden entries out too
            }

            if (Directory.Exists(path))
            {
                folders[name] = new FolderStamp([.. Stamps(root, path)]);
            }
            else if (Folders.ContainsKey(name) && !File.Exists(path))
            {
                folders.Remove(name);
            }
            else
            {
                return null;
            }
        }

        return new ContentFingerprint(RootState.Present, folders.ToImmutable());
    }

    private static ContentFingerprint TakeFolders(
        string root, ContentFingerprint? previous, IReadOnlySet<string>? changed)
    {
        try
        {
            var folders = ImmutableSortedDictionary.CreateBuilder<string, FolderStamp>(StringComparer.Ordinal);
            var rootFiles = new List<FileStamp>();
            var entries = new FileSystemEnumerable<RootEntry>(
                root,
                (ref FileSystemEntry e) => new RootEntry(
                    e.FileName.ToString(), e.IsDirectory, StampWithin(root, ref e)),
                TopLevel)
            {
                ShouldIncludePredicate = (ref FileSystemEntry e) => !IsHidden(e.FileName),
            };
            foreach (var entry in entries)
            {
                if (!entry.IsDirectory)
                {
                    rootFiles.Add(entry.Stamp);
                }
                else if (previous is not null && changed is not null && !changed.Contains(entry.Name)
                    && previous.Folders.TryGetValue(entry.Name, out var known))
                {
                    folders[entry.Name] = known;
                }
                else
                {
                    folders[entry.Name] = new FolderStamp([.. Stamps(root, Path.Combine(root, entry.Name))]);
                }
            }

            folders[RootFiles] = new FolderStamp([.. rootFiles.OrderBy(f => f.Path, StringComparer.Ordinal)]);
            return new ContentFingerprint(RootState.Present, folders.ToImmutable());
        }
        catch (DirectoryNotFoundException)
        {
            // Missing, or deleted while it was walked: either way there is nothing to fingerprint yet.
            return new ContentFingerprint(RootState.Missing, ImmutableSortedDictionary<string, FolderStamp>.Empty);
        }
    }

    // A folder that goes between the listing and its walk is stamped as it is found: empty.
    private static List<FileStamp> Stamps(string root, string folder)
    {
        try
        {
            var files = new FileSystemEnumerable<FileStamp>(
                folder, (ref FileSystemEntry e) => StampWithin(folder, ref e), Recursive)
            {
                ShouldIncludePredicate = (ref FileSystemEntry e) => !e.IsDirectory && !IsHidden(e.FileName),
                ShouldRecursePredicate = (ref FileSystemEntry e) => !IsHidden(e.FileName),
            };
            return [.. files.OrderBy(f => f.Path, StringComparer.Ordinal)];
        }
        catch (DirectoryNotFoundException) when (Directory.Exists(root))
        {
            return [];
        }
    }

    private static bool IsHidden(ReadOnlySpan<char> name) => name.Length > 0 && name[0] == '.';

    public bool Equals(ContentFingerprint? other) =>
        other is not null && _root == other._root && Folders.Count == other.Folders.Count
        && Folders.All(f => other.Folders.TryGetValue(f.Key, out var stamp) && stamp.Equals(f.Value));

    public override bool Equals(object? obj) => Equals(obj as ContentFingerprint);

    public override int GetHashCode() => HashCode.Combine(_root, Folders.Count);

    // By its path within the folder (the content root, for its own files), interned: the same few names
    // ("01-verdict.md") recur in every comparison's folder. Full paths (about 170 bytes each in bench/scale.sh) came
    // to about 19 MB at ten thousand comparisons.
    private static FileStamp StampWithin(string folder, ref FileSystemEntry entry)
    {
        var directory = entry.Directory[Math.Min(folder.Length, entry.Directory.Length)..].TrimStart('/');
        var path = directory.IsEmpty ? entry.FileName.ToString() : Path.Join(directory, entry.FileName);
        return new(string.Intern(path), entry.Length, entry.LastWriteTimeUtc.UtcTicks);
    }

    private readonly record struct RootEntry(string Name, bool IsDirectory, FileStamp Stamp);

    internal readonly record struct FileStamp(string Path, long Length, long LastWriteTicks);

    /// <summary>The files of one top-level folder, by path.</summary>
    internal sealed class FolderStamp(ImmutableArray<FileStamp> files) : IEquatable<FolderStamp>
    {
        public bool Equals(FolderStamp? other) =>
            other is not null && (ReferenceEquals(this, other) || files.SequenceEqual(other.Files));

        public ImmutableArray<FileStamp> Files => files;

        public override bool Equals(object? obj) => Equals(obj as FolderStamp);

        public override int GetHashCode() => files.Length;
    }
}
