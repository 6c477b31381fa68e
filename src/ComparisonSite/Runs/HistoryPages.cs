using System.Globalization;
using ComparisonSite.Articles;
using ComparisonSite.Content;
using ComparisonSite.Figures;
using ComparisonSite.Markdown;
using ComparisonSite.Markdown.DataReferences;
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
    /// Part <paramref name="part"/> of the run page for an id from the URL, looked up in the snapshot only: found
    /// among the comparison's suites, removed from them (410), or neither (404: unknown, malformed, or a run of
    /// another suite); a part the run does not have is <see cref="RunStatus.NoSuchPart"/>.
    /// </summary>
    public RunLookup FindRun(ComparisonArticle article, ResultsSnapshot snapshot, string runId, int part = 1)
    {
        var suites = ArticleRuns.Suites(article, snapshot);
        if (snapshot.RunsById.TryGetValue(runId, out var run) && suites.Contains(run.Run.Suite))
        {
            return BuildRun(article, snapshot, run, part) is { } page
                ? new RunLookup(RunStatus.Found, page, null)
                : new RunLookup(RunStatus.NoSuchPart, null, null);
        }

        return snapshot.RemovedById.TryGetValue(runId, out var removed) && suites.Contains(removed.Suite)
            ? new RunLookup(RunStatus.Removed, null, removed)
            : new RunLookup(RunStatus.NotFound, null, null);
    }

    private RunPage? BuildRun(ComparisonArticle article, ResultsSnapshot snapshot, RunResults run, int part)
    {
        var context = Context(article, snapshot);
        var id = run.Run.Id;
        var series = SeriesOf(article, run);
        var parts = PageParts.Split(series, s => s.Frameworks.Count, PerPage);
        if (part < 1 || part > parts.Count)
        {
            return null;
        }

        var shown = parts[part - 1];
        // Tables by the frameworks that measured their rows, and a chart per metric split the same way, so that
        // every cell holds a measurement (a run need not measure every framework on everything) and no two
        // tables share a caption.
        var tables = Figures(context, run, "table", shown)
            .Select(g => new RunFigure(
                "Measured for " + string.Join(", ", g.Frameworks.Select(context.FrameworkName)), g.Html))
            .ToList();
        var charts = Ordered(shown.Select(s => s.Key.Metric))
            .Select(m => new RunFigure(
                snapshot.Metrics[m].Name,
                string.Concat(Figures(context, run, "chart", shown.Where(s => s.Key.Metric == m).ToList())
                    .Select(g => g.Html))))
            .ToList();
        // Throughput against concurrency once, on the first part: a figure of the whole family, not of a part.
        var scaling = part == 1 ? ScalingOf(context, run, series) : [];
        var environment = Render(context, $"{{{{environment run={id}}}}}");
        var page = SiteAddresses.Run(article.Slug, id);
        var navigation = PartNavigation.For(
            part,
            [.. parts.Select((p, i) => new PartLink(i + 1, SiteAddresses.Part(page, i + 1), PartLabel(snapshot, p)))],
            run.Measurements.Count,
            "measurements",
            PerPage,
            Culture);
        var url = urls.Absolute(context.RunPageHref(run.Run));
        return new RunPage(
            article,
            run,
            tables,
            charts,
            scaling,
            environment,
            context.DataHref(run.Run, "csv"),
            context.DataHref(run.Run, "json"),
            context.DataPageHref,
            url,
            RunCitation.For(run.Run, url, site.Value.Name, Culture),
            navigation);
    }

    private int PerPage => site.Value.MeasurementsPerPage;

    /// <summary>
    /// Each scenario and metric the run measured (scenarios, then metrics, in slug order) with the frameworks that
    /// measured it: the article's first, then the rest by slug. One pass over the measurements, so building any
    /// part costs the same at 100,000 measurements as the first.
    /// </summary>
    private List<RunSeries> SeriesOf(ComparisonArticle article, RunResults run)
    {
        var measured = run.Measurements.Select(m => m.Framework).ToHashSet(StringComparer.Ordinal);
        var order = article.Meta.Frameworks.Where(measured.Contains)
            .Concat(measured.Order(StringComparer.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .Select((framework, index) => (framework, index))
            .ToDictionary(x => x.framework, x => x.index, StringComparer.Ordinal);
        return
        [
            .. run.Measurements
                .GroupBy(m => new SeriesKey(m.Scenario, m.Metric))
                .OrderBy(g => g.Key.Scenario, StringComparer.Ordinal)
                .ThenBy(g => g.Key.Metric, StringComparer.Ordinal)
                .SelectMany(g => g.Select(m => m.Framework).Distinct(StringComparer.Ordinal).OrderBy(f => order[f])
                    .Chunk(PerPage).Select(frameworks => new RunSeries(g.Key, frameworks))),
        ];
    }

    private static string PartLabel(ResultsSnapshot snapshot, IReadOnlyList<RunSeries> part) =>
        part.Count == 0 ? "" : PartNavigation.Label(snapshot, part[0].Key, part[^1].Key);

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

        // Trends up to the page budget of points: past it the rest are counted, not drawn (the run pages and
        // downloads hold every value). Each run's measurements are counted per series once, not per trend.
        var trends = new List<RunFigure>();
        var notDrawn = 0;
        var points = 0;
        var perSeries = runs.ToDictionary(
            r => r.Run.Id,
            r => r.Measurements.CountBy(m => new SeriesKey(m.Scenario, m.Metric)).ToDictionary(),
            StringComparer.Ordinal);
        foreach (var origin in runs.Select(r => r.Run.Info.Origin).Distinct().Order())
        {
            var comparable = runs.Where(r => r.Run.Info.Origin == origin).Reverse().ToList();
            var label = $"{origin.ToText()} runs of {suite}";
            var keys = comparable.SelectMany(r => perSeries[r.Run.Id].Keys)
                .Distinct()
                .OrderBy(k => k.Metric, StringComparer.Ordinal)
                .ThenBy(k => k.Scenario, StringComparer.Ordinal);
            foreach (var key in keys)
            {
                var having = comparable.Where(r => perSeries[r.Run.Id].ContainsKey(key)).ToList();
                if (having.Count < 2)
                {
                    continue;
                }

                var cost = having.Sum(r => perSeries[r.Run.Id][key]);
                if (points + cost > PerPage)
                {
                    notDrawn++;
                    continue;
                }

                points += cost;
                trends.Add(new RunFigure(
                    $"{context.Snapshot.Metrics[key.Metric].Name}, {context.Snapshot.Scenarios[key.Scenario].Name}",
                    Write(context, figure => TrendWriter.Write(figure, having, key, label))));
            }
        }

        return new SuiteHistory(suite, entries, trends, notDrawn);
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
    /// in as many references as the kind's limit on pairs asks, rendered through the article's pipeline.
    /// </summary>
    private IEnumerable<(IReadOnlyList<string> Frameworks, string Html)> Figures(
        FigureContext context, RunResults run, string kind, IReadOnlyList<RunSeries> series)
    {
        var limit = kind == "table" ? DataReference.MaxTableSeries : DataReference.MaxChartSeries;
        var groups = series
            .GroupBy(s => string.Join(',', s.Frameworks), StringComparer.Ordinal)
            .OrderByDescending(g => g.First().Frameworks.Count);
        foreach (var group in groups)
        {
            foreach (var chunk in group.Chunk(limit))
            {
                var pairs = string.Join(' ', chunk.Select(x => x.Key));
                yield return (group.First().Frameworks,
                    Render(context, $"{{{{{kind} {pairs} run={run.Run.Id} frameworks={group.Key}}}}}"));
            }
        }
    }

    /// <summary>
    /// A line chart per scenario family and metric the run measured at two or more concurrency levels (the
    /// catalog's <c>family</c> and <c>concurrency</c>), e.g. single-query rps from 16 to 256 connections.
    /// </summary>
    private List<RunFigure> ScalingOf(FigureContext context, RunResults run, List<RunSeries> series)
    {
        var frameworks = string.Join(',', series.SelectMany(s => s.Frameworks).Distinct(StringComparer.Ordinal));
        return
        [
            .. series
                .Select(s => (Scenario: context.Snapshot.Scenarios[s.Key.Scenario], s.Key.Metric))
                .Where(s => s.Scenario is { Family: not null, Concurrency: not null })
                .GroupBy(s => (Family: s.Scenario.Family!, s.Metric))
                .Where(g => g.Select(s => s.Scenario.Concurrency).Distinct().Count() > 1)
                .OrderBy(g => g.Key.Family, StringComparer.Ordinal)
                .ThenBy(g => g.Key.Metric, StringComparer.Ordinal)
                .Select(g => new RunFigure(
                    $"{context.Snapshot.Metrics[g.Key.Metric].Name}, {g.Key.Family}",
                    Render(
                        context,
                        $"{{{{scaling {g.Key.Family} {g.Key.Metric} run={run.Run.Id} frameworks={frameworks}}}}}"))),
        ];
    }

    private static List<string> Ordered(IEnumerable<string> slugs) =>
        [.. slugs.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>A scenario and metric of a run with the frameworks it is shown for (in the page's order).</summary>
    private sealed record RunSeries(SeriesKey Key, IReadOnlyList<string> Frameworks);
}
