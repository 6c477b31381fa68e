using System.Globalization;
using ComparisonSite.Articles;
using ComparisonSite.Content;
using ComparisonSite.Figures;
using ComparisonSite.Markdown;
using ComparisonSite.Results.Import;
using ComparisonSite.Results.Store;
using Microsoft.Extensions.Options;

namespace ComparisonSite.Runs;

/// <summary>
/// Builds a comparison's data page (every run of its suites, with trends) and its run pages from one results
/// snapshot. Figures go through the same writers as the article's: a run page renders generated data references
/// (<c>{{table … run=ID}}</c>) through the article's Markdown pipeline, so a figure has one home.
/// </summary>
public sealed class HistoryPages(
    IOptions<SiteOptions> site, FigureFormatter formatter, SiteUrls urls, ILogger<HistoryPages> logger)
{
    private CultureInfo Culture => formatter.Culture;

    /// <summary>The data page of a published comparison.</summary>
    public DataPage BuildData(ComparisonArticle article, ResultsSnapshot snapshot)
    {
        var context = Context(article, snapshot);
        var suites = ArticleRuns.Suites(article, snapshot)
            .Select(suite => Suite(suite, snapshot.RunsOf(suite), context))
            .ToList();
        return new DataPage(article, suites, ArticleRuns.HistoryChangedAt(article, snapshot));
    }

    /// <summary>
    /// The run page for an id from the URL, looked up in the snapshot only: found among the comparison's suites,
    /// removed from them (410), or neither (404: unknown, malformed, or a run of another suite).
    /// </summary>
    public RunLookup FindRun(ComparisonArticle article, ResultsSnapshot snapshot, string runId)
    {
        var suites = ArticleRuns.Suites(article, snapshot);
        if (snapshot.RunsById.TryGetValue(runId, out var run) && suites.Contains(run.Run.Suite))
        {
            return new RunLookup(RunStatus.Found, BuildRun(article, snapshot, run), null);
        }

        return snapshot.RemovedById.TryGetValue(runId, out var removed) && suites.Contains(removed.Suite)
            ? new RunLookup(RunStatus.Removed, null, removed)
            : new RunLookup(RunStatus.NotFound, null, null);
    }

    private RunPage BuildRun(ComparisonArticle article, ResultsSnapshot snapshot, RunResults run)
    {
        var context = Context(article, snapshot);
        var id = run.Run.Id;
        var frameworks = article.Meta.Frameworks
            .Concat(run.Measurements.Select(m => m.Framework).Order(StringComparer.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .Where(f => run.Measurements.Any(m => m.Framework == f))
            .ToList();
        var scenarios = Ordered(run.Measurements.Select(m => m.Scenario));
        var metrics = Ordered(run.Measurements.Select(m => m.Metric));
        // Tables by the frameworks that measured their rows, and a chart per metric split the same way, so that
        // every cell holds a measurement (a run need not measure every framework on everything) and no two
        // tables share a caption.
        var all = scenarios.SelectMany(s => metrics.Select(m => new SeriesKey(s, m)));
        var tables = Figures(context, run, "table", frameworks, all)
            .Select(g => new RunFigure(
                "Measured for " + string.Join(", ", g.Frameworks.Select(context.FrameworkName)), g.Html))
            .ToList();
        var charts = metrics.Select(m => new RunFigure(
                snapshot.Metrics[m].Name,
                string.Concat(Figures(context, run, "chart", frameworks, scenarios.Select(s => new SeriesKey(s, m)))
                    .Select(g => g.Html))))
            .ToList();
        var environment = Render(context, $"{{{{environment run={id}}}}}");
        var url = urls.Absolute(context.RunPageHref(run.Run));
        return new RunPage(
            article,
            run,
            tables,
            charts,
            environment,
            context.DataHref(run.Run, "csv"),
            context.DataHref(run.Run, "json"),
            context.DataPageHref,
            url,
            RunCitation.For(run.Run, url, site.Value.Name, Culture));
    }

    private SuiteHistory Suite(string suite, IReadOnlyList<RunResults> runs, FigureContext context)
    {
        var entries = runs.Select(run =>
        {
            // The run before this one of the same origin: runs on different machines are not compared.
            var previous = runs.SkipWhile(r => r != run).Skip(1)
                .FirstOrDefault(r => r.Run.Info.Origin == run.Run.Info.Origin);
            return new RunEntry(
                run,
                context.RunPageHref(run.Run),
                context.DataHref(run.Run, "csv"),
                context.DataHref(run.Run, "json"),
                previous?.Run,
                previous is null
                    ? null
                    : SiteAddresses.RunDifference(context.Article.Slug, previous.Run.Id, run.Run.Id),
                EnvironmentSummary(run.Run.Info));
        }).ToList();

        var trends = new List<RunFigure>();
        foreach (var origin in runs.Select(r => r.Run.Info.Origin).Distinct().Order())
        {
            var comparable = runs.Where(r => r.Run.Info.Origin == origin).Reverse().ToList();
            var label = $"{origin.ToText()} runs of {suite}";
            var keys = comparable.SelectMany(r => r.Measurements).Select(m => new SeriesKey(m.Scenario, m.Metric))
                .Distinct()
                .OrderBy(k => k.Metric, StringComparer.Ordinal)
                .ThenBy(k => k.Scenario, StringComparer.Ordinal);
            foreach (var key in keys)
            {
                var having = comparable.Where(r => Measures(r, key)).ToList();
                if (having.Count >= 2)
                {
                    trends.Add(new RunFigure(
                        $"{context.Snapshot.Metrics[key.Metric].Name}, {context.Snapshot.Scenarios[key.Scenario].Name}",
                        Write(context, figure => TrendWriter.Write(figure, having, key, label))));
                }
            }
        }

        return new SuiteHistory(suite, entries, trends);
    }

    private string Render(FigureContext context, string markdown)
    {
        var diagnostics = new List<ContentDiagnostic>();
        var document = ArticleMarkdown.Parse(markdown, "run page", 1, diagnostics);
        var html = ArticleMarkdown.ToHtml(document, context);
        foreach (var problem in diagnostics.Select(d => d.Message).Concat(context.Problems.Select(p => p.Message)))
        {
            logger.LogWarning("Run page figure {Reference}: {Problem}", markdown, problem);
        }

        context.Problems.Clear();
        return html;
    }

    private static string Write(FigureContext context, Action<FigureWriter> write)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        var renderer = new FigureHtmlRenderer(text, context);
        write(new FigureWriter(renderer, context, "trend", 0));
        renderer.Writer.Flush();
        return text.ToString();
    }

    private FigureContext Context(ComparisonArticle article, ResultsSnapshot snapshot) =>
        ComparisonFigures.Context(article, snapshot, formatter);

    /// <summary>"8 cores, 32 GB RAM, Ubuntu 22.04; wrk, 500 connections": the facts that tell runs apart.</summary>
    private string EnvironmentSummary(RunInfo info)
    {
        var machine = new[]
        {
            info.Hardware,
            info.Cores is { } cores ? $"{cores.ToString(Culture)} cores" : null,
            info.Memory,
            info.Os,
        };
        var load = new[]
        {
            info.LoadTool,
            info.Concurrency is { } c ? $"{c.ToString("N0", Culture)} connections" : null,
        };
        var parts = new[] { Join(machine, ", "), Join(load, ", ") };
        return Join(parts, "; ") is { Length: > 0 } summary ? summary : "not stated";

        static string Join(IEnumerable<string?> items, string separator) =>
            string.Join(separator, items.Where(i => !string.IsNullOrWhiteSpace(i)));
    }

    /// <summary>
    /// <c>{{kind s:m… run=ID frameworks=…}}</c> for each group of these series that the same frameworks measured,
    /// rendered through the article's pipeline.
    /// </summary>
    private IEnumerable<(List<string> Frameworks, string Html)> Figures(
        FigureContext context, RunResults run, string kind, List<string> frameworks, IEnumerable<SeriesKey> series)
    {
        var groups = series
            .Select(k => (Key: k, Frameworks: frameworks.Where(f => run.Find(f, k.Scenario, k.Metric) is not null)
                .ToList()))
            .Where(g => g.Frameworks.Count > 0)
            .GroupBy(g => string.Join(',', g.Frameworks), StringComparer.Ordinal)
            .OrderByDescending(g => g.First().Frameworks.Count);
        foreach (var group in groups)
        {
            var pairs = string.Join(' ', group.Select(x => x.Key));
            yield return (group.First().Frameworks,
                Render(context, $"{{{{{kind} {pairs} run={run.Run.Id} frameworks={group.Key}}}}}"));
        }
    }

    private static bool Measures(RunResults run, SeriesKey key) =>
        run.Measurements.Any(m => m.Scenario == key.Scenario && m.Metric == key.Metric);

    private static List<string> Ordered(IEnumerable<string> slugs) =>
        [.. slugs.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
}
