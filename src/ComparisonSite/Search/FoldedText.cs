using System.Globalization;
using System.Text;

namespace ComparisonSite.Search;

/// <summary>
/// A text and its search form: lower case (culture-invariant), accents and compatibility forms folded (NFKD
/// without combining marks), typographic quotes as plain ones, invisible format characters (bidi marks, zero
/// widths, soft hyphens) dropped and white space folded to single spaces. Every folded character remembers the
/// original characters it came from, so a match found in the folded form can be highlighted in the original.
/// </summary>
internal sealed class FoldedText
{
    // The last text whose positions were mapped, per thread: highlighting asks for many ranges of one text in a row.
    [ThreadStatic]
    private static Map? _lastMap;

    private FoldedText(string original, string folded)
    {
        Original = original;
        Folded = folded;
    }

    public string Original { get; }

    public string Folded { get; }

    public static FoldedText Of(string original) => new(original, FoldMapping(original, null));

    /// <summary>A text and the folded form <see cref="Of"/> made of it earlier, kept (on disk) beside it.</summary>
    public static FoldedText Stored(string original, string folded) => new(original, folded);

    /// <summary>The search form of a query or term on its own.</summary>
    public static string Fold(string text) => Of(text).Folded.Trim();

    /// <summary>
    /// Where folded characters [start, start + length) came from in the original. The map from folded to original
    /// positions is worked out when asked, not kept: an index holds thousands of texts and highlights a few.
    /// </summary>
    public (int Start, int End) OriginalRange(int start, int length)
    {
        var map = _lastMap is { } last && ReferenceEquals(last.Text, this) ? last : MapOf(this);
        _lastMap = map;
        return (map.Starts[start], map.Ends[start + length - 1]);
    }

    private static Map MapOf(FoldedText text)
    {
        var map = new Map(text, new int[text.Folded.Length], new int[text.Folded.Length]);
        FoldMapping(text.Original, map);
        return map;
    }

    private sealed record Map(FoldedText Text, int[] Starts, int[] Ends);

    // Folds the original; with a map, also records where each folded character came from.
    private static string FoldMapping(string original, Map? map)
    {
        var folded = new StringBuilder(original.Length);
        var index = 0;
        foreach (var rune in original.EnumerateRunes())
        {
            var start = index;
            index += rune.Utf16SequenceLength;
            if (rune.IsAscii && !Rune.IsWhiteSpace(rune) && !char.IsControl((char)rune.Value))
            {
                // Most text is ASCII: lower-cased in place, without the string the general case makes per character.
                if (map is not null)
                {
                    map.Starts[folded.Length] = start;
                    map.Ends[folded.Length] = index;
                }

                folded.Append(char.ToLowerInvariant((char)rune.Value));
                continue;
            }

            if (Rune.IsWhiteSpace(rune))
            {
                // One space for any run of white space, none at the start.
                if (folded.Length > 0 && folded[^1] != ' ')
                {
                    Append(" ");
                }

                continue;
            }

            Append(Fold(rune));

            void Append(string text)
            {
                if (map is not null)
                {
                    for (var i = 0; i < text.Length; i++)
                    {
                        map.Starts[folded.Length + i] = start;
                        map.Ends[folded.Length + i] = index;
                    }
                }

                folded.Append(text);
            }
        }

        return folded.ToString();
    }

    /// <summary>Where <paramref name="term"/> (folded already) occurs, not overlapping, in folded positions.</summary>
    public IEnumerable<int> Occurrences(string term)
    {
        var at = Folded.IndexOf(term, StringComparison.Ordinal);
        while (at >= 0)
        {
            yield return at;
            at = Folded.IndexOf(term, at + term.Length, StringComparison.Ordinal);
        }
    }

    public bool Contains(string term) => Folded.Contains(term, StringComparison.Ordinal);

    private static string Fold(Rune rune)
    {
        switch (Rune.GetUnicodeCategory(rune))
        {
            case UnicodeCategory.Format:
                return string.Empty;
            case UnicodeCategory.InitialQuotePunctuation or UnicodeCategory.FinalQuotePunctuation:
                return rune.Value is '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u00AB' or '\u00BB'
                    ? "\""
                    : "'";
        }

        if (rune.IsAscii)
        {
            return ((char)Rune.ToLowerInvariant(rune).Value).ToString();
        }

        var decomposed = rune.ToString().Normalize(NormalizationForm.FormKD);
        var kept = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) is not (UnicodeCategory.NonSpacingMark
                or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark))
            {
                kept.Append(c);
            }
        }

        return kept.ToString().ToLowerInvariant();
    }
}
