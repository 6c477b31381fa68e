using System.Globalization;
using System.Text.RegularExpressions;
using ComparisonSite.Articles;
using ComparisonSite.Checks.Claims;
using ComparisonSite.Content;
using ComparisonSite.Files;
using ComparisonSite.Markdown;
using ComparisonSite.Markdown.DataReferences;
using ComparisonSite.Results.Store;
using Markdig.Extensions.Footnotes;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ComparisonSite.Checks;

/// <summary>
/// Everything the <c>check</c> verb verifies about the content against the results store: front matter and
/// Markdown (as the site loads them), every data reference, internal links and anchors, and numbers that look
/// like benchmark figures typed by hand (a number next to a unit the metric catalog knows), and data older than
/// the article allows or pinned runs that a newer run has overtaken.
/// </summary>
public sealed partial class ContentChecker(ArticlePageRenderer renderer, TimeProvider clock)
{
    public IReadOnlyList<ContentDiagnostic> Check(
        ContentSnapshot content,
        ResultsSnapshot results,
        string contentRoot,
        string? wwwroot)
    {
        var findings = new List<ContentDiagnostic>(content.Diagnostics);
        foreach (var article in content.Comparisons.Values)
        {
            var (_, problems) = renderer.Build(article, results, showErrors: false);
            findings.AddRange(problems.Select(p => ContentDiagnostic.Error(p.File, p.Line, p.Message)));
            findings.AddRange(CheckLinks(article, content, wwwroot));
            var files = ReadFiles(article, contentRoot, findings);
            findings.AddRange(FindTypedFigures(article, results, files));
            findings.AddRange(UnattributedClaims.Find(article, results, files));
            findings.AddRange(ArticleFreshness.Warnings(article, results, ArticlePageRenderer.Today(clock)));
        }

        return findings;
    }

    private static IEnumerable<ContentDiagnostic> CheckLinks(
        ComparisonArticle article,
        ContentSnapshot content,
        string? wwwroot)
    {
        var parts = new List<(string File, int FirstLine, MarkdownDocument Body)>
        {
            (article.Folder + "/" + ComparisonLoader.IndexFile, 1, article.Summary),
        };
        parts.AddRange(article.Sections.Select(s => (s.File, s.BodyFirstLine, s.Body)));

        var ids = new HashSet<string>(PageIdentifiers.Reserved, StringComparer.Ordinal);
        ids.UnionWith(article.Sections.Select(s => s.Anchor));
        foreach (var (_, _, body) in parts)
        {
            ids.UnionWith(body.Descendants<HeadingBlock>().Select(h => h.GetAttributes().Id).OfType<string>());
            ids.UnionWith(body.Descendants<Footnote>().Select(f => $"fn:{f.Order}"));
            ids.UnionWith(body.Descendants<FootnoteLink>().Select(l => $"fnref:{l.Index}"));
        }

        foreach (var (file, firstLine, body) in parts)
        {
            foreach (var link in body.Descendants<LinkInline>())
            {
                var url = link.Url ?? string.Empty;
                var line = firstLine + link.Line;
                if (url.StartsWith('#') && url.Length > 1 && !ids.Contains(url[1..]))
                {
                    var anchors = string.Join(", ", article.Sections.Select(s => "#" + s.Anchor));
                    yield return ContentDiagnostic.Error(
                        file,
                        line,
                        $"link to '{url}' has no matching anchor on the page (anchors: {anchors}, or a heading's id)");
                }
                else if (url.StartsWith('/')
                    && !url.StartsWith("//", StringComparison.Ordinal)
                    && !ResolvesOnSite(url, content, wwwroot))
                {
                    yield return ContentDiagnostic.Error(
                        file,
                        line,
                        $"link to '{url}' does not resolve to a page or file on this site");
                }
            }
        }
    }

    private static bool ResolvesOnSite(string url, ContentSnapshot content, string? wwwroot)
    {
        var path = url.Split('#', '?')[0].TrimEnd('/');
        if (path.Length == 0)
        {
            return true;
        }

        var segments = path.Trim('/').Split('/');
        if (content.Comparisons.ContainsKey(segments[0])
            && (segments.Length == 1 || (segments.Length == 2 && segments[1] is "results.csv" or "results.json")))
        {
            return true;
        }

        return wwwroot is not null
            && !path.Contains("..", StringComparison.Ordinal)
            && File.Exists(Path.Combine(wwwroot, path.TrimStart('/')));
    }

    /// <summary>
    /// The article's Markdown files as lines (line numbers as the editor counts them), read the way the site reads:
    /// a file swapped for a FIFO or a link out of content/ since the load must neither hang the check nor be read,
    /// and is reported instead.
    /// </summary>
    private static List<ArticleFile> ReadFiles(
        ComparisonArticle article, string contentRoot, List<ContentDiagnostic> findings)
    {
        var files = new List<ArticleFile>();
        var folder = Path.Combine(contentRoot, article.Folder);
        foreach (var file in Directory.EnumerateFiles(folder, "*.md").Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(contentRoot, file).Replace('\\', '/');
            var (content, problem) = InputFiles.ReadText(
                InputRoot.Content(contentRoot), file, ContentOptions.LargestMaxFileBytes);
            if (content is null)
            {
                findings.Add(ContentDiagnostic.Error(relative, 0, problem!));
                continue;
            }

            files.Add(new ArticleFile(relative, Lines(content)));
        }

        return files;
    }

    private static IEnumerable<ContentDiagnostic> FindTypedFigures(
        ComparisonArticle article,
        ResultsSnapshot results,
        List<ArticleFile> files)
    {
        var units = results.Metrics.Values
            .Select(m => m.Unit)
            .Where(u => u.Length > 0)
            .Distinct()
            .OrderByDescending(u => u.Length)
            .ToList();
        if (units.Count == 0)
        {
            yield break;
        }

        var alternatives = string.Join(
            '|',
            units.Select(u => u.StartsWith("USD", StringComparison.Ordinal) ? null : Regex.Escape(u)).OfType<string>());
        var currency = units
            .Where(u => u.StartsWith("USD/", StringComparison.Ordinal))
            .Select(u => Regex.Escape(u[3..]))
            .ToList();
        var currencyAlternative = currency.Count > 0
            ? $@"|\$(?<number>\d{{1,3}}(?:,\d{{3}})+|\d+)(?<unit>{string.Join('|', currency)})(?![\w/])"
            : string.Empty;
        var pattern = new Regex(
            $@"(?<![\w.,$])(?<number>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)\s?(?<unit>{alternatives})(?![\w/])"
            + currencyAlternative,
            RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        var run = ArticleRuns.Default(article, results);

        foreach (var (relative, lines) in files)
        {
            for (var i = 0; i < lines.Count; i++)
            {
                var text = DataReferenceSpan().Replace(lines[i], " ");
                foreach (Match match in pattern.Matches(text))
                {
                    var number = double.Parse(
                        match.Groups["number"].Value,
                        NumberStyles.Number,
                        CultureInfo.InvariantCulture);
                    var suggestion = run?.Measurements
                        .Where(m => m.Value == number
                            && (results.Metrics[m.Metric].Unit == match.Groups["unit"].Value
                                || results.Metrics[m.Metric].Unit.EndsWith(
                                    match.Groups["unit"].Value,
                                    StringComparison.Ordinal)))
                        .Select(m => $"{{{{value {m.Framework} {m.Scenario} {m.Metric}}}}}")
                        .FirstOrDefault();
                    var reference = suggestion ?? "a {{value FRAMEWORK SCENARIO METRIC}} reference";
                    yield return ContentDiagnostic.Warning(
                        relative,
                        i + 1,
                        $"'{match.Value}' looks like a benchmark figure typed by hand; "
                        + $"take it from the store with {reference}");
                }
            }
        }
    }

    // Line breaks as File.ReadAllLines counts them (\n, \r\n, \r), so line numbers match the editor's.
    private static List<string> Lines(string text)
    {
        var lines = new List<string>();
        using var reader = new StringReader(text);
        while (reader.ReadLine() is { } line)
        {
            lines.Add(line);
        }

        return lines;
    }

    [GeneratedRegex(@"\{\{.*?\}\}")]
    internal static partial Regex DataReferenceSpan();
}

/// <summary>One Markdown file of an article: its path under content/ and its lines.</summary>
internal sealed record ArticleFile(string Path, IReadOnlyList<string> Lines);
