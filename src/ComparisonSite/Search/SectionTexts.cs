using System.Text;
using Microsoft.Win32.SafeHandles;

namespace ComparisonSite.Search;

/// <summary>
/// The text of an <see cref="IndexSegment"/>'s sections, on disk: each section's text as written and as folded,
/// in UTF-8, one after the other in a file of the segment's own. The index answers a query from its postings, in
/// memory; it reads a text only to make a result's snippet or to check a quoted phrase in a section that has all
/// its words. Ten thousand comparisons' text is hundreds of megabytes, which the process need not hold.
/// </summary>
/// <remarks>
/// The file has no name once opened (unlinked at once on Linux; deleted on close elsewhere), so it goes with the
/// segment however the process ends. Reads go through the kernel's page cache, not the process's memory.
/// </remarks>
internal sealed class SectionTexts : IDisposable
{
    private const int FlushAt = 1 << 20;

    private readonly SafeFileHandle _file;
    private readonly MemoryStream _pending = new();
    private long _written;

    private SectionTexts(SafeFileHandle file) => _file = file;

    /// <summary>Where a section's text lies in the file.</summary>
    internal readonly record struct Place(long Offset, int OriginalBytes, int FoldedBytes);

    public static SectionTexts Create()
    {
        var folder = Path.Combine(Path.GetTempPath(), "comparisonsite-search");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"{Environment.ProcessId}-{Guid.NewGuid():N}.text");
        var file = File.OpenHandle(
            path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, FileOptions.DeleteOnClose);
        if (!OperatingSystem.IsWindows())
        {
            File.Delete(path);
        }

        return new SectionTexts(file);
    }

    /// <summary>Appends a section's text; call <see cref="Complete"/> before reading.</summary>
    public Place Add(FoldedText text)
    {
        var offset = _written + _pending.Length;
        var original = Write(text.Original);
        var folded = Write(text.Folded);
        if (_pending.Length >= FlushAt)
        {
            Flush();
        }

        return new Place(offset, original, folded);
    }

    /// <summary>Appends the bytes of a section another segment holds (a merge), as they are.</summary>
    public Place Copy(SectionTexts from, Place place)
    {
        var offset = _written + _pending.Length;
        var length = place.OriginalBytes + place.FoldedBytes;
        var buffer = new byte[length];
        RandomAccess.Read(from._file, buffer, place.Offset);
        _pending.Write(buffer);
        if (_pending.Length >= FlushAt)
        {
            Flush();
        }

        return new Place(offset, place.OriginalBytes, place.FoldedBytes);
    }

    public void Complete()
    {
        Flush();
        _pending.Capacity = 0;
    }

    public FoldedText Read(Place place)
    {
        var bytes = new byte[place.OriginalBytes];
        RandomAccess.Read(_file, bytes, place.Offset);
        return FoldedText.Of(Encoding.UTF8.GetString(bytes));
    }

    /// <summary>How often <paramref name="term"/> (folded, as UTF-8) occurs in the section's folded text.</summary>
    public int CountInFolded(Place place, ReadOnlySpan<byte> term)
    {
        var bytes = new byte[place.FoldedBytes];
        RandomAccess.Read(_file, bytes, place.Offset + place.OriginalBytes);
        var count = 0;
        var rest = bytes.AsSpan();
        for (var at = rest.IndexOf(term); at >= 0; at = rest.IndexOf(term))
        {
            count++;
            rest = rest[(at + term.Length)..];
        }

        return count;
    }

    public void Dispose()
    {
        _file.Dispose();
        _pending.Dispose();
    }

    private int Write(string text)
    {
        var before = _pending.Length;
        var bytes = Encoding.UTF8.GetBytes(text);
        _pending.Write(bytes);
        return (int)(_pending.Length - before);
    }

    private void Flush()
    {
        if (_pending.Length == 0)
        {
            return;
        }

        RandomAccess.Write(_file, _pending.GetBuffer().AsSpan(0, (int)_pending.Length), _written);
        _written += _pending.Length;
        _pending.SetLength(0);
    }
}
