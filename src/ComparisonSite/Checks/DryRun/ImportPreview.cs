using ComparisonSite.Articles;
using ComparisonSite.Content;
using ComparisonSite.Figures;
using ComparisonSite.Results.Import;
using ComparisonSite.Results.Store;

namespace ComparisonSite.Checks.DryRun;

/// <summary>One rendered text an import would change, where the editor wrote the reference behind it.</summary>
public sealed record PreviewChange(string File, int Line, string Label, string Before, string After)
{
    /// <summary>"content/a/03-speed.md:12  Requests per second, JSON endpoint, FastAPI: 8,520 → 4,317".</summary>
    public override string ToString() =>
        $"{File}:{Line}  {(Label.Length == 0 ? "" : Label + ": ")}{Before} → {After}";
}

/// <summary>What one article would show differently: nothing when <see cref="Changes"/> is empty.</summary>
public sealed record ArticlePreview(string Slug, bool ShowsRun, IReadOnlyList<PreviewChange> Changes);

/// <summary>
/// What an import would change on the site, worked out without writing anything: every article is rendered
/// against the current snapshot and against one with the documents' runs in it, and the text each data reference
/// makes is compared. Only articles that would show one of the runs (a new latest run of an origin they read, or
/// a re-import of a run they cite) can change.
/// </summary>
public static class ImportPreview
{
    public static IReadOnlyList<ArticlePreview> Of(
        IEnumerable<ComparisonArticle> articles,
        ResultsSnapshot current,
        IReadOnlyList<RunDocument> documents,
        ImportOptions options,
        FigureFormatter formatter,
        string contentPrefix,
        DateTimeOffset now)
    {
        var candidate = CandidateSnapshot.With(current, documents, options, now);
        var ids = documents.Select(d => d.Run.Id).ToHashSet(StringComparer.Ordinal);
        var previews = new List<ArticlePreview>();
        foreach (var article in articles.OrderBy(a => a.Slug, StringComparer.Ordinal))
        {
            if (!ArticleRuns.Shown(article, candidate).Any(r => ids.Contains(r.Run.Id)))
            {
                previews.Add(new ArticlePreview(article.Slug, ShowsRun: false, []));
                continue;
            }

            var before = ReferenceTexts.Of(article, current, formatter, contentPrefix)
                .GroupBy(f => (f.File, f.Key)).ToDictionary(g => g.Key, g => g.First());
            var changes = ReferenceTexts.Of(article, candidate, formatter, contentPrefix)
                .Select(after => (Before: before.GetValueOrDefault((after.File, after.Key)), After: after))
                .Where(p => p.Before is null || !string.Equals(p.Before.Text, p.After.Text, StringComparison.Ordinal))
                .Select(p => new PreviewChange(
                    p.After.File, p.After.Line, p.After.Label, p.Before?.Text ?? "(nothing)", p.After.Text))
                .OrderBy(c => c.File, StringComparer.Ordinal)
                .ThenBy(c => c.Line);
            previews.Add(new ArticlePreview(article.Slug, ShowsRun: true, [.. changes]));
        }

        return previews;
    }

    /// <summary>The report as printed: each changing article with its changes, then those that would not change.
    /// </summary>
    public static IEnumerable<string> Lines(IReadOnlyList<ArticlePreview> previews)
    {
        foreach (var preview in previews.Where(p => p.Changes.Count > 0))
        {
            yield return $"{preview.Slug}: {preview.Changes.Count} change{(preview.Changes.Count == 1 ? "" : "s")}";
            foreach (var change in preview.Changes)
            {
                yield return "  " + change;
            }
        }

        var unchanged = previews.Where(p => p.Changes.Count == 0).ToList();
        if (unchanged.Count == previews.Count)
        {
            yield return "No article would change.";
        }

        foreach (var preview in unchanged)
        {
            var why = preview.ShowsRun ? "shows the run; no rendered text changes" : "does not show the run";
            yield return $"would not change: {preview.Slug} ({why})";
        }
    }
}
