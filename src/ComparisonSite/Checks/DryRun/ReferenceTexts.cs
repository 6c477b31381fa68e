using System.Net;
using System.Text.RegularExpressions;
using ComparisonSite.Articles;
using ComparisonSite.Content;
using ComparisonSite.Figures;
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
        foreach (var (body, file, firstLine) in parts)
        {
            context.File = file;
            context.FirstLine = firstLine;
            var path = $"{contentPrefix}/{file}";
            foreach (var block in body.Descendants<Block>())
            {
                if (block is DataBlock data)
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

        return facts;
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

    /// <summary>A table or chart: its caption, every cell by row and column, each row's (or column's) best.</summary>
    private static IEnumerable<ReferenceFact> BlockFacts(DataBlock block, FigureContext context, string file, int line)
    {
        var html = Render(context, block, html: true);
        var key = $"{line}:{block.Source}";
        // A caption is long; its sentences change one at a time (a date, a count of rounds).
        var captions = Caption().Matches(html).Select(c => SentenceEnd().Split(Text(c.Groups[1].Value))).ToList();
        for (var c = 0; c < captions.Count; c++)
        {
            for (var s = 0; s < captions[c].Length; s++)
            {
                yield return new ReferenceFact(file, line, $"{key}:caption:{c}.{s}", "caption", captions[c][s]);
            }
        }

        var tables = Table().Matches(html);
        if (tables.Count == 0)
        {
            yield return new ReferenceFact(file, line, key, string.Empty, Text(html));
            yield break;
        }

        var bestByRow = block.Reference?.Kind != DataReferenceKind.Table
            || block.Reference.Options.GetValueOrDefault("layout", "columns") == "columns";
        foreach (Match table in tables)
        {
            var rows = Row().Matches(table.Value).Select(r => Cell().Matches(r.Groups[1].Value).ToList()).ToList();
            if (rows.Count < 2)
            {
                continue;
            }

            var headers = rows[0].Select(c => Text(c.Groups[3].Value)).ToList();
            var best = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            foreach (var row in rows.Skip(1).Where(r => r.Count > 1))
            {
                var heading = Text(row[0].Groups[3].Value);
                for (var c = 1; c < row.Count && c < headers.Count; c++)
                {
                    var cell = Text(BestMark().Replace(row[c].Groups[3].Value, string.Empty));
                    var label = $"{heading}, {headers[c]}";
                    yield return new ReferenceFact(file, line, $"{key}:{label}", label, cell);
                    if (row[c].Groups[2].Success)
                    {
                        var (group, member) = bestByRow ? (heading, headers[c]) : (headers[c], heading);
                        best.TryAdd(group, []);
                        best[group].Add(member);
                    }
                }
            }

            var groups = bestByRow ? rows.Skip(1).Select(r => Text(r[0].Groups[3].Value)) : headers.Skip(1);
            foreach (var group in groups.Distinct(StringComparer.Ordinal))
            {
                var members = best.GetValueOrDefault(group);
                var text = members is null ? "none" : string.Join(" and ", members);
                yield return new ReferenceFact(file, line, $"{key}:best:{group}", $"{group}: best", text);
            }
        }
    }

    private static string Render(FigureContext context, MarkdownObject markdown, bool html) =>
        html ? ArticleMarkdown.ToHtml(markdown, context) : ArticleMarkdown.ToPlainText([markdown], context);

    /// <summary>An element's words: tags dropped, entities decoded, white space folded.</summary>
    private static string Text(string html) =>
        Spaces().Replace(WebUtility.HtmlDecode(Tag().Replace(html, " ")), " ").Trim();

    // The renderers write this HTML themselves (BenchmarkTableWriter, ChartWriter), so its shape is known: these
    // patterns read our own output, not arbitrary markup.
    [GeneratedRegex(@"<(?:fig)?caption>(.*?)</(?:fig)?caption>", RegexOptions.Singleline)]
    private static partial Regex Caption();

    [GeneratedRegex(@"<table\b.*?</table>", RegexOptions.Singleline)]
    private static partial Regex Table();

    [GeneratedRegex(@"<tr\b[^>]*>(.*?)</tr>", RegexOptions.Singleline)]
    private static partial Regex Row();

    [GeneratedRegex(
        @"<(t[hd])(?: [^>]*?class=""(best|best-tied)""[^>]*| [^>]*)?>(.*?)</\1>", RegexOptions.Singleline)]
    private static partial Regex Cell();

    [GeneratedRegex(@"<span class=""best-mark""[^>]*>.*?</span>", RegexOptions.Singleline)]
    private static partial Regex BestMark();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    // A sentence ends at . ! or ? followed by white space and a capital, digit or quote ("1.5×" does not end one).
    [GeneratedRegex(@"(?<=[.!?])\s+(?=[\p{Lu}\d""“(★≈])")]
    private static partial Regex SentenceEnd();
}
