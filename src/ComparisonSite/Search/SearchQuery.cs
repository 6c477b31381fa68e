using System.Globalization;
using System.Text;

namespace ComparisonSite.Search;

/// <summary>
/// A reader's query as terms: words and "quoted phrases", folded as <see cref="FoldedText"/> folds the index,
/// every one of which a result must contain. Text is matched literally: no character has a special meaning
/// except the double quote, so <c>.*</c> or <c>(a|b)+</c> are searched for as written.
/// </summary>
public sealed record SearchQuery
{
    public const int MaximumLength = 200;

    public const int MaximumTerms = 10;

    private SearchQuery(string text, IReadOnlyList<string> terms, string? problem)
    {
        Text = text;
        Terms = terms;
        Problem = problem;
    }

    /// <summary>The query as the reader typed it, for the search box; empty when it was refused.</summary>
    public string Text { get; }

    /// <summary>Folded words and phrases, each distinct; empty for no query or a refused one.</summary>
    public IReadOnlyList<string> Terms { get; }

    /// <summary>Why the query was refused, in words for the reader; null when it can run (or there is none).</summary>
    public string? Problem { get; }

    public bool IsEmpty => Terms.Count == 0 && Problem is null;

    public static SearchQuery Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new SearchQuery(string.Empty, [], null);
        }

        if (text.Length > MaximumLength)
        {
            return Refuse($"The search is too long: keep it to {MaximumLength} characters.");
        }

        if (!IsReadable(text))
        {
            return Refuse("The search contains characters that are not text (control characters or broken "
                + "encoding). Type words to look for.");
        }

        var terms = Split(FoldedText.Fold(text));
        if (terms.Count == 0)
        {
            return Refuse("The search has no words to look for.");
        }

        if (terms.Count > MaximumTerms)
        {
            return Refuse($"The search has {terms.Count} words or phrases: use at most {MaximumTerms}.");
        }

        return new SearchQuery(text, terms, null);
    }

    /// <summary>A query refused for a reason found outside its text (e.g. the address names it twice).</summary>
    public static SearchQuery Refuse(string problem) => new(string.Empty, [], problem);

    // Control characters, lone surrogates and U+FFFD (what undecodable bytes in the address become) are no query.
    private static bool IsReadable(string text)
    {
        var rest = text.AsSpan();
        while (!rest.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(rest, out var rune, out var used) != System.Buffers.OperationStatus.Done
                || Rune.GetUnicodeCategory(rune) == UnicodeCategory.Control
                || rune == Rune.ReplacementChar)
            {
                return false;
            }

            rest = rest[used..];
        }

        return true;
    }

    // Words are separated by spaces; a double quote opens a phrase that runs to the next one (or the end).
    private static List<string> Split(string folded)
    {
        var terms = new List<string>();
        var at = 0;
        while (at < folded.Length)
        {
            if (folded[at] == ' ')
            {
                at++;
                continue;
            }

            var phrase = folded[at] == '"';
            var start = phrase ? at + 1 : at;
            var end = folded.IndexOfAny(phrase ? ['"'] : [' ', '"'], start);
            end = end < 0 ? folded.Length : end;
            var term = folded[start..end].Trim();
            if (term.Length > 0 && !terms.Contains(term, StringComparer.Ordinal))
            {
                terms.Add(term);
            }

            at = phrase && end < folded.Length ? end + 1 : end;
        }

        return terms;
    }
}
