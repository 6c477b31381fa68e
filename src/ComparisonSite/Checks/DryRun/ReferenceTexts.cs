using System.Text.RegularExpressions;
using ComparisonSite.Articles;
using ComparisonSite.Content;
using ComparisonSite.Figures;
using ComparisonSite.Figures.Claims;
using ComparisonSite.Markdown;
using ComparisonSite.Markdown.DataReferences;
using ComparisonSite.Results.Store;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ComparisonSite.Checks.DryRun;

/// <summary>
/// An article's data references rendered against one snapshot, each as the text a reader sees, keyed by the file
/// and line where the editor wrote it: a sentence holding inline references (as plain text, the way the FAQ's
/// structured data words it), and each caption, cell and best mark of a table or chart. Two renders (before and
/// after an import) compared fact by fact say what an import would change.
/// </summary>
internal static partial class ReferenceTexts
{
    public static IReadOnlyList<ReferenceFact> Of(
        ComparisonArticle article, ResultsSnapshot snapshot, FigureFormatter formatter, string contentPrefix)
    {
        var context = ComparisonFigures.Context(article, snapshot, formatter);
        var parts = article.Sections.Select(s => (s.Body, s.File, s.BodyFirstLine))
            .Prepend((article.Summary, article.Folder + "/" + ComparisonLoader.IndexFile, article.SummaryFirstLine));
        var facts = new List<ReferenceFact>();
        var paragraphs = 0;
        (string File, int Line)? claimCheck = null;
        foreach (var (body, file, firstLine) in parts)
        {
            context.File = file;
            context.FirstLine = firstLine;
            var path = $"{contentPrefix}/{file}";
            foreach (var block in body.Descendants<Block>())
            {
                if (block is DataBlock { Reference.Kind: DataReferenceKind.Claims } claims)
                {
                    claimCheck ??= (path, firstLine + claims.Line);
                }
                else if (block is DataBlock data)
                {
                    facts.AddRange(BlockFacts(data, context, path, firstLine + data.Line));
                }
                else if (block is LeafBlock { Inline: { } inlines }
                         && inlines.Descendants<DataReferenceInline>().Any())
                {
                    // Cells of a Markdown table share a line, so blocks are told apart by their order.
                    facts.AddRange(SentenceFacts(inlines, context, path, paragraphs++));
                }
            }
        }

        if (claimCheck is { } at && context.Claims is { } check)
        {
            facts.AddRange(ClaimFacts(check, at, $"{contentPrefix}/{context.Article.IndexFile}"));
        }

        return facts;
    }

    /// <summary>
    /// The claim check: its summary (also the home page's line) and each claim's verdict, at the claim's line of
    /// index.md, or at the block for a claim read from the source's run.
    /// </summary>
    private static IEnumerable<ReferenceFact> ClaimFacts(ClaimCheck check, (string File, int Line) block, string index)
    {
        yield return new ReferenceFact(
            block.File, block.Line, "claims:summary", "claim check (and the home page)", check.Sentence);
        foreach (var claim in check.Claims)
        {
            var (file, line) = claim.FromRun ? block : (index, claim.Claim.Line);
            yield return new ReferenceFact(
                file, line, $"claims:{claim.Anchor}", $"claim \"{claim.Claim.Says}\"",
                ClaimCheck.Words(claim.Verdict));
        }
    }

    /// <summary>The sentences of a paragraph (or heading, or cell) that hold a reference's output.</summary>
    private static IEnumerable<ReferenceFact> SentenceFacts(
        ContainerInline inlines, FigureContext context, string file, int ordinal)
    {
        var references = inlines.Descendants<DataReferenceInline>()
            .Select(r => (Text: Render(context, r, html: false), Line: context.FirstLine + r.Line))
            .Where(r => r.Text.Length > 0)
            .ToList();
        var sentences = SentenceEnd().Split(Render(context, inlines, html: false));
        for (var i = 0; i < sentences.Length; i++)
        {
            var within = references.FirstOrDefault(r => sentences[i].Contains(r.Text, StringComparison.Ordinal));
            if (within.Text is not null)
            {
                yield return new ReferenceFact(file, within.Line, $"{ordinal}.{i}", string.Empty, sentences[i]);
            }
        }
    }

    /// <summary>
    /// A table, chart, environment or calculator, from its reading (what its writer recorded as it wrote the
    /// HTML): each caption sentence, every cell by row and column, and each row's (or column's) best.
    /// </summary>
    private static IEnumerable<ReferenceFact> BlockFacts(DataBlock block, FigureContext context, string file, int line)
    {
        var before = context.Readings.Count;
        Render(context, block, html: true);
        var key = $"{line}:{block.Source}";
        foreach (var reading in context.Readings.Skip(before))
        {
            // A caption is long; its sentences change one at a time (a date, a count of rounds).
            var sentences = reading.Caption.Length == 0 ? [] : SentenceEnd().Split(reading.Caption);
            for (var s = 0; s < sentences.Length; s++)
            {
                yield return new ReferenceFact(file, line, $"{key}:caption:0.{s}", "caption", sentences[s]);
            }

            foreach (var fact in CellFacts(reading, file, line, key))
            {
                yield return fact;
            }
        }
    }

    private static IEnumerable<ReferenceFact> CellFacts(FigureReading reading, string file, int line, string key)
    {
        var headers = reading.Columns;
        var best = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var row in reading.Rows)
        {
            for (var c = 0; c < row.Cells.Count; c++)
            {
                // A list of terms (the environment) has no header: the term is the label.
                var label = headers.Count > c + 1 ? $"{row.Heading}, {headers[c + 1]}" : row.Heading;
                yield return new ReferenceFact(file, line, $"{key}:{label}", label, row.Cells[c].Text);
                if (row.Cells[c].Mark != BestMark.None && headers.Count > c + 1)
                {
                    var (group, member) = reading.Best == BestAlong.Rows
                        ? (row.Heading, headers[c + 1])
                        : (headers[c + 1], row.Heading);
                    best.TryAdd(group, []);
                    best[group].Add(member);
                }
            }
        }

        var groups = reading.Best switch
        {
            BestAlong.Rows => reading.Rows.Select(r => r.Heading),
            BestAlong.Columns => headers.Skip(1),
            _ => [],
        };
        foreach (var group in groups.Distinct(StringComparer.Ordinal))
        {
            var members = best.GetValueOrDefault(group);
            var text = members is null ? "none" : string.Join(" and ", members);
            yield return new ReferenceFact(file, line, $"{key}:best:{group}", $"{group}: best", text);
        }
    }

    private static string Render(FigureContext context, MarkdownObject markdown, bool html) =>
        html ? ArticleMarkdown.ToHtml(markdown, context) : ArticleMarkdown.ToPlainText([markdown], context);

    // A sentence ends at . ! or ? followed by white space and a capital, digit or quote ("1.5×" does not end one).
    [GeneratedRegex(@"(?<=[.!?])\s+(?=[\p{Lu}\d""“(★≈])")]
    private static partial Regex SentenceEnd();
}
