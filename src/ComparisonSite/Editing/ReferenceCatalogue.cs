using ComparisonSite.Articles;
using ComparisonSite.Content;
using ComparisonSite.Figures;
using ComparisonSite.Markdown;
using ComparisonSite.Results;
using ComparisonSite.Results.Import;
using ComparisonSite.Results.Store;

namespace ComparisonSite.Editing;

/// <summary>A run as the catalogue lists it.</summary>
public sealed record CatalogueRun(string Id, RunOrigin Origin, DateOnly Date, string Title);

/// <summary>A ready-to-copy data reference and what it renders now (HTML from the site's own pipeline).</summary>
public sealed record CatalogueSnippet(string Kind, string Reference, string RenderedHtml);

/// <summary>Everything an editor can cite from one suite, and the article whose defaults its snippets use.</summary>
public sealed record CatalogueSuite(
    string Slug,
    string? ArticleSlug,
    IReadOnlyList<CatalogueRun> Runs,
    IReadOnlyList<Framework> Frameworks,
    IReadOnlyList<Scenario> Scenarios,
    IReadOnlyList<Metric> Metrics,
    IReadOnlyList<CatalogueSnippet> Snippets);

/// <summary>
/// Builds the reference catalogue (Development's <c>/_editor/references</c>): each suite in the results snapshot
/// with its runs, frameworks, scenarios and metrics, and snippets of every reference kind rendered through the
/// real Markdown pipeline against the current snapshot, in the context of an article citing that suite (so the
/// value shown is the value that article shows), or of a bare article of the suite when none cites it.
/// </summary>
public sealed class ReferenceCatalogue(ContentLibrary content, FigureFormatter formatter)
{

    public IReadOnlyList<CatalogueSuite> Build(ResultsSnapshot snapshot) =>
        [.. snapshot.RunsBySuite.Keys.Order(StringComparer.Ordinal).Select(s => BuildSuite(snapshot, s))];

    private CatalogueSuite BuildSuite(ResultsSnapshot snapshot, string suite)
    {
        var runs = snapshot.RunsOf(suite);
        var measurements = runs.SelectMany(r => r.Measurements).ToList();
        var article = content.Current.Comparisons.Values.FirstOrDefault(a => a.Meta.Suite == suite);
        var measured = measurements.Select(m => m.Framework).Distinct(StringComparer.Ordinal).ToList();
        // The article's order first (its default columns and colours), then the suite's other frameworks.
        var frameworks = (article?.Meta.Frameworks ?? []).Where(measured.Contains)
            .Concat(measured.Order(StringComparer.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var figureArticle = article is null
            ? new FigureArticle("catalogue", suite, frameworks)
            : ComparisonFigures.Article(article);
        var pairs = measurements.Select(m => (m.Scenario, m.Metric)).Distinct()
            .OrderBy(p => p.Scenario, StringComparer.Ordinal).ThenBy(p => p.Metric, StringComparer.Ordinal)
            .ToList();

        var references = new List<(string Kind, string Reference)>();
        foreach (var (scenario, metric) in pairs)
        {
            references.AddRange(frameworks.Select(f => ("value", $"{{{{value {f} {scenario} {metric}}}}}")));
            if (frameworks.Count >= 2)
            {
                var (first, second) = (frameworks[0], frameworks[1]);
                references.Add(("ratio", $"{{{{ratio {first} {second} {scenario} {metric}}}}}"));
                references.Add(("percent", $"{{{{percent {first} {second} {scenario} {metric}}}}}"));
                references.Add(("diff", $"{{{{diff {first} {second} {scenario} {metric}}}}}"));
            }

            references.Add(("best", $"{{{{best {scenario} {metric}}}}}"));
            references.Add(("ranking", $"{{{{ranking {scenario} {metric}}}}}"));
            references.Add(("table", $"{{{{table {scenario}:{metric}}}}}"));
            references.Add(("chart", $"{{{{chart {scenario}:{metric}}}}}"));
        }

        // A scaling chart per scenario family and metric measured at two or more concurrency levels.
        var scaling = pairs
            .Select(p => (Scenario: snapshot.Scenarios.GetValueOrDefault(p.Scenario), p.Metric))
            .Where(p => p.Scenario is { Family: not null, Concurrency: not null })
            .GroupBy(p => (Family: p.Scenario!.Family!, p.Metric))
            .Where(g => g.Select(p => p.Scenario!.Concurrency).Distinct().Count() > 1)
            .Select(g => g.Key);
        references.AddRange(scaling.Select(k => ("scaling", $"{{{{scaling {k.Family} {k.Metric}}}}}")));

        var origins = runs.Select(r => r.Run.Info.Origin).Distinct().ToList();
        if (origins.Count > 1 && pairs.Count > 0)
        {
            var (scenario, metric) = pairs[0];
            var both = string.Join(',', origins.Order().Select(o => o.ToText()));
            references.Add(("table", $"{{{{table {scenario}:{metric} origins={both}}}}}"));
        }

        // A pinned reference per run, for sentences that must keep citing that run.
        foreach (var run in runs.Where(_ => frameworks.Count > 0))
        {
            if (pairs.FirstOrDefault(p => run.Find(frameworks[0], p.Scenario, p.Metric) is not null)
                is ({ } scenario, { } metric))
            {
                references.Add(("value", $"{{{{value {frameworks[0]} {scenario} {metric} run={run.Run.Id}}}}}"));
            }
        }

        references.Add(("environment", "{{environment}}"));
        var snippets = references
            .Select(r => new CatalogueSnippet(r.Kind, r.Reference, Render(r.Reference, snapshot, figureArticle)))
            .ToList();

        return new CatalogueSuite(
            suite,
            article?.Slug,
            [.. runs.Select(r => new CatalogueRun(r.Run.Id, r.Run.Info.Origin, r.Run.Info.Date, r.Run.Info.Title))],
            [.. frameworks.Select(f =>
                snapshot.Frameworks.GetValueOrDefault(f) ?? new Framework(f, f, null, null, null, null))],
            [.. pairs.Select(p => p.Scenario).Distinct(StringComparer.Ordinal)
                .Select(s => snapshot.Scenarios.GetValueOrDefault(s) ?? new Scenario(s, s, null))],
            [.. pairs.Select(p => p.Metric).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
                .Where(snapshot.Metrics.ContainsKey).Select(m => snapshot.Metrics[m])],
            snippets);
    }

    /// <summary>One reference through the article pipeline, as a paragraph or block of its own would render.</summary>
    public string Render(string reference, ResultsSnapshot snapshot, FigureArticle article)
    {
        var document = ArticleMarkdown.Parse(reference, "catalogue.md", 1, []);
        var context = new FigureContext(snapshot, article, formatter, showErrors: true);
        return ArticleMarkdown.ToHtml(document, context);
    }
}
