using System.Text;

namespace ComparisonSite.Search;

/// <summary>
/// The text of an <see cref="IndexSegment"/>'s sections, on disk (a <see cref="ScratchFile"/> of the segment's
/// own): each section's text as written and as folded, in UTF-8. The index answers a query from its postings, in
/// memory; it reads a text only to make a result's snippet or to check a quoted phrase in a section that has all
/// its words. Ten thousand comparisons' text is hundreds of megabytes, which the process need not hold.
/// </summary>
internal sealed class SectionTexts
{
    private readonly ScratchFile _file = ScratchFile.Create();

    /// <summary>Where a section's text lies in the file: its text as written, then folded.</summary>
    internal readonly record struct Place(long Offset, int OriginalBytes, int FoldedBytes);

    public Place Add(FoldedText text)
    {
        var original = Encoding.UTF8.GetBytes(text.Original);
        var folded = Encoding.UTF8.GetBytes(text.Folded);
        var at = _file.Append(original);
        _file.Append(folded);
        return new Place(at.Offset, original.Length, folded.Length);
    }

    /// <summary>Copies a section another segment holds (a merge), as it is.</summary>
    public Place Copy(SectionTexts from, Place place)
    {
        var bytes = new byte[place.OriginalBytes + place.FoldedBytes];
        from._file.Read(place.Offset, bytes);
        return place with { Offset = _file.Append(bytes).Offset };
    }

    /// <summary>The section's text as written and as folded, both as stored: nothing is folded again.</summary>
    public FoldedText Read(Place place)
    {
        var bytes = new byte[place.OriginalBytes + place.FoldedBytes];
        _file.Read(place.Offset, bytes);
        return FoldedText.Stored(
            Encoding.UTF8.GetString(bytes, 0, place.OriginalBytes),
            Encoding.UTF8.GetString(bytes, place.OriginalBytes, place.FoldedBytes));
    }

    /// <summary>How often <paramref name="term"/> (folded, as UTF-8) occurs in the section's folded text.</summary>
    public int CountInFolded(Place place, ReadOnlySpan<byte> term)
    {
        var bytes = new byte[place.FoldedBytes];
        _file.Read(place.Offset + place.OriginalBytes, bytes);
        var count = 0;
        var rest = bytes.AsSpan();
        for (var at = rest.IndexOf(term); at >= 0; at = rest.IndexOf(term))
        {
            count++;
            rest = rest[(at + term.Length)..];
        }

        return count;
    }
}
