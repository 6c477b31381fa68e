using System.Text.RegularExpressions;
using ComparisonSite.Content;
using ComparisonSite.Markdown;
using ComparisonSite.Markdown.DataReferences;
using ComparisonSite.Results.Import;
using ComparisonSite.Results.Store;

namespace ComparisonSite.Checks.Claims;

/// <summary>
/// The check's rule for prose: a sentence that names a framework of its article (or follows one that does in its
/// paragraph) and makes a performance claim (<see cref="ClaimVocabulary.ClaimWords"/>) either takes its figures
/// from the store (a data reference in the same sentence), says whose claim it is
/// (<see cref="ClaimVocabulary.Attributions"/>, or the name of a source of the suite's reported runs), or carries
/// an editor's <c>{{reviewed: REASON}}</c> mark. A question claims nothing. Anything else is a warning (an error
/// under <c>--strict</c>) at its file and line, naming the words that made it a claim.
/// </summary>
internal static partial class UnattributedClaims
{
    private static readonly Regex Claim = ClaimVocabulary.Pattern(ClaimVocabulary.ClaimWords);

    // What a reference and a reviewed mark become in the prose the rule reads: no word of theirs is prose.
    private const string Reference = " \u27E6ref\u27E7 ";
    private const string Reviewed = " \u27E6reviewed\u27E7 ";

    public static IEnumerable<ContentDiagnostic> Find(
        ComparisonArticle article, ResultsSnapshot results, IEnumerable<ArticleFile> files)
    {
        var names = article.Meta.Frameworks
            .SelectMany(f => results.Frameworks.TryGetValue(f, out var known) ? [f, known.Name] : new[] { f })
            .Select(n => n.Split(" (")[0])
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var framework = ClaimVocabulary.Pattern(names);
        var sources = results.RunsById.Values
            .Where(r => r.Run.Suite == article.Meta.Suite && r.Run.Info.Origin == RunOrigin.Reported)
            .Select(r => r.Run.Info.Source);
        var attribution = ClaimVocabulary.Pattern(ClaimVocabulary.Attributions.Concat(sources));

        foreach (var (path, lines) in files)
        {
            var fenced = false;
            for (var i = 0; i < lines.Count; i++)
            {
                if (lines[i].TrimStart().StartsWith("```", StringComparison.Ordinal))
                {
                    fenced = !fenced;
                    continue;
                }

                if (fenced)
                {
                    continue;
                }

                // A reference (or a reviewed mark) counts for its sentence; its own words are not prose.
                var text = ContentChecker.DataReferenceSpan().Replace(lines[i], m =>
                    m.Value.StartsWith("{{" + ReviewedMark.Prefix, StringComparison.Ordinal) ? Reviewed : Reference);
                // "FastAPI is the default. It was the leader …": a sentence speaks of the frameworks named before it
                // in its paragraph (a line of Markdown) as well as of its own.
                var named = false;
                var sentences = SentenceEnd().Split(text);
                for (var s = 0; s < sentences.Length; s++)
                {
                    var sentence = sentences[s];
                    named |= framework.IsMatch(sentence);
                    // A mark written after the full stop ("… faster.{{reviewed: …}}") belongs to that sentence.
                    var markedAfter = s + 1 < sentences.Length
                        && sentences[s + 1].TrimStart().StartsWith(Reviewed.Trim(), StringComparison.Ordinal);
                    var claims = Claim.Matches(sentence);
                    // A question ("Is FastAPI really faster?") asks; it claims nothing.
                    if (claims.Count == 0
                        || sentence.TrimEnd().EndsWith('?')
                        || !named
                        || sentence.Contains(Reference, StringComparison.Ordinal)
                        || sentence.Contains(Reviewed, StringComparison.Ordinal)
                        || markedAfter
                        || attribution.IsMatch(sentence))
                    {
                        continue;
                    }

                    var words = string.Join(", ", claims.Select(c => $"'{c.Value}'").Distinct());
                    yield return ContentDiagnostic.Warning(
                        path,
                        i + 1,
                        $"a performance claim ({words}) with no data reference and no attribution in its "
                        + "sentence; take the figure from the store ({{ratio …}}, {{best …}}, {{ranking …}}), say "
                        + "whose claim it is (\"the source reports …\"), or mark it {{reviewed: REASON}}");
                }
            }
        }
    }

    // A sentence ends at . ! or ? after a word (or a reference) and before a capital, a quote or a reference;
    // "1.5x" and "e.g. the" do not end one.
    [GeneratedRegex(@"(?<=[a-z)\]""'\u27E7][.!?])\s+(?=[A-Z*""(\[\u27E6])", RegexOptions.CultureInvariant)]
    private static partial Regex SentenceEnd();
}
