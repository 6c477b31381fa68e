using Microsoft.AspNetCore.Html;

namespace ComparisonSite.Search;

/// <summary>
/// Text in pieces, each either a match or not. The page writes every piece HTML-encoded and wraps matches in
/// &lt;mark&gt; itself, so neither the query nor the content can ever add markup.
/// </summary>
public sealed record HighlightedText(IReadOnlyList<TextPiece> Pieces)
{
    /// <summary>For a page: every piece's text encoded, and each match in &lt;mark&gt; (the only markup).</summary>
    public IHtmlContent ToHtml()
    {
        var html = new HtmlContentBuilder(Pieces.Count * 3);
        foreach (var piece in Pieces)
        {
            if (piece.Match)
            {
                html.AppendHtml("<mark>").Append(piece.Text).AppendHtml("</mark>");
            }
            else
            {
                html.Append(piece.Text);
            }
        }

        return html;
    }

    /// <summary>
    /// The original text of <paramref name="text"/> between <paramref name="start"/> and <paramref name="end"/>
    /// (original positions), with every occurrence of the terms in it marked.
    /// </summary>
    internal static HighlightedText Of(FoldedText text, IReadOnlyList<string> terms, int start, int end)
    {
        var matches = terms
            .SelectMany(t => text.Occurrences(t).Select(at => text.OriginalRange(at, t.Length)))
            .Where(m => m.Start < end && m.End > start)
            .OrderBy(m => m.Start)
            .ToList();
        var pieces = new List<TextPiece>();
        var at = start;
        foreach (var (matchStart, matchEnd) in matches)
        {
            var from = Math.Max(matchStart, at);
            var to = Math.Min(matchEnd, end);
            if (to <= from)
            {
                // Inside a match already marked (overlapping terms).
                continue;
            }

            if (from > at)
            {
                pieces.Add(new TextPiece(text.Original[at..from], false));
            }

            pieces.Add(new TextPiece(text.Original[from..to], true));
            at = to;
        }

        if (end > at)
        {
            pieces.Add(new TextPiece(text.Original[at..end], false));
        }

        return new HighlightedText(pieces);
    }

    internal static HighlightedText Of(FoldedText text, IReadOnlyList<string> terms) =>
        Of(text, terms, 0, text.Original.Length);
}

/// <summary>A piece of <see cref="HighlightedText"/>: plain text, and whether it matched the query.</summary>
public sealed record TextPiece(string Text, bool Match);
