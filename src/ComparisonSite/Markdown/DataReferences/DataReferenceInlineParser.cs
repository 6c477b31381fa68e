using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Syntax;

namespace ComparisonSite.Markdown.DataReferences;

/// <summary>Recognises <c>{{ … }}</c> on one line; a lone brace stays ordinary text.</summary>
public sealed class DataReferenceInlineParser : InlineParser
{
    private const int MaxLength = 500;

    public DataReferenceInlineParser()
    {
        OpeningCharacters = ['{'];
    }

    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        if (slice.PeekCharExtra(1) != '{')
        {
            return false;
        }

        var text = slice.Text;
        var start = slice.Start;
        var searchLength = Math.Min(slice.End - start + 1, MaxLength);
        var close = text.IndexOf("}}", start + 2, Math.Max(0, searchLength - 2), StringComparison.Ordinal);
        if (close < 0)
        {
            return false;
        }

        var source = text[(start + 2)..close].Trim();
        if (source.Length == 0 || source.Contains('\n', StringComparison.Ordinal))
        {
            return false;
        }

        // A reviewed mark is not a reference: it carries a reason, and renders nothing.
        DataReference? reference = null;
        string? reason = null;
        string? error;
        if (source.StartsWith(ReviewedMark.Prefix, StringComparison.Ordinal))
        {
            reason = source[ReviewedMark.Prefix.Length..].Trim();
            error = reason.Length == 0 ? ReviewedMark.MissingReason : null;
        }
        else
        {
            reference = DataReference.Parse(source, out error);
            if (reference is { IsBlock: true })
            {
                (reference, error) =
                    (null, $"{{{{{source.Split(' ')[0]} …}}}} must stand alone on its own line, not inside text");
            }
        }

        processor.Inline = new DataReferenceInline
        {
            Source = source,
            Reference = reference,
            ReviewedReason = reason,
            Error = error,
            Span = new SourceSpan(
                processor.GetSourcePosition(start, out var line, out var column),
                processor.GetSourcePosition(close + 1)),
            Line = line,
            Column = column,
        };
        slice.Start = close + 2;
        return true;
    }
}
