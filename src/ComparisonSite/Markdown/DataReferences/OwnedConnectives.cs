using Markdig.Helpers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ComparisonSite.Markdown.DataReferences;

/// <summary>
/// "FastAPI was {{ratio fastapi flask json rps}} than Flask" reads right for "2.6x faster" but not for "the same
/// as", which would leave "the same as than Flask". So a ratio, percent or diff directly followed by the word
/// "than" takes that word out of the text and writes the connective its outcome needs: "than" after a difference,
/// nothing after "the same as", "from" after "not clearly different". Editors keep writing the natural sentence.
/// </summary>
internal static class OwnedConnectives
{
    private const string Than = " than";

    public static void Apply(MarkdownDocument document)
    {
        foreach (var inline in document.Descendants<DataReferenceInline>())
        {
            if (inline.Reference is
                {
                    Kind: DataReferenceKind.Ratio or DataReferenceKind.Percent
                    or DataReferenceKind.Diff
                }
                && inline.NextSibling is LiteralInline literal
                && StartsWithThan(literal.Content))
            {
                literal.Content = new StringSlice(
                    literal.Content.Text, literal.Content.Start + Than.Length, literal.Content.End);
                inline.OwnsThan = true;
            }
        }
    }

    private static bool StartsWithThan(StringSlice text)
    {
        var rest = text.AsSpan();
        return rest.StartsWith(Than, StringComparison.Ordinal)
            && (rest.Length == Than.Length || !char.IsLetterOrDigit(rest[Than.Length]));
    }
}
