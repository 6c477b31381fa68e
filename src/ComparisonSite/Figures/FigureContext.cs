using ComparisonSite.Figures.Claims;
using ComparisonSite.Results;
using ComparisonSite.Results.Import;
using ComparisonSite.Results.Store;

namespace ComparisonSite.Figures;

/// <summary>A reference that could not be resolved against the snapshot, with where the editor wrote it.</summary>
public sealed record FigureProblem(string File, int Line, string Message)
{
    public override string ToString() => $"{File}:{Line}: {Message}";
}

/// <summary>
/// Everything the data renderers need for one article render: the snapshot, the article's suite and
/// frameworks, the formatter, and where problems go. Built per render, never shared between threads.
/// </summary>
public sealed class FigureContext
{
    private readonly List<string> _colourOrder;
    private readonly FigureIds _ids = new();
    private readonly List<RenderedFigure> _figures = [];
    private readonly List<FigureReading> _readings = [];
    private readonly Lazy<ClaimCheck?> _claims;

    public FigureContext(ResultsSnapshot snapshot, FigureArticle article, FigureFormatter formatter, bool showErrors)
    {
        Snapshot = snapshot;
        Article = article;
        Formatter = formatter;
        ShowErrors = showErrors;
        var others = snapshot.Frameworks.Keys.Order(StringComparer.Ordinal).Except(article.Frameworks);
        _colourOrder = [.. article.Frameworks.Concat(others)];
        _claims = new(() => ClaimChecker.Of(this), LazyThreadSafetyMode.None);
    }

    /// <summary>
    /// The source's claims checked against our latest measured run, worked out once per render (its problems are
    /// recorded then); null when the article and the source's run make no claim.
    /// </summary>
    public ClaimCheck? Claims => _claims.Value;

    public ResultsSnapshot Snapshot { get; }

    public FigureArticle Article { get; }

    public FigureFormatter Formatter { get; }

    /// <summary>Development shows a highlighted error box; production shows "n/a" and logs a warning.</summary>
    public bool ShowErrors { get; }

    public List<FigureProblem> Problems { get; } = [];

    /// <summary>The file and first body line of the Markdown being rendered, for problem locations.</summary>
    public string File { get; set; } = string.Empty;

    public int FirstLine { get; set; } = 1;

    /// <summary>
    /// Where a figure's link goes: the page's own methodology section, or the article's from another page (the
    /// headline on the home and tag pages).
    /// </summary>
    public string MethodologyHref { get; set; } = "#methodology";

    /// <summary>
    /// True when this render's figures are the article's own (<c>ArticlePage.Figures</c>), so each can link its
    /// CSV and embed page under <c>/&lt;slug&gt;/figures/</c>; run and data pages render other figures and link none.
    /// </summary>
    public bool ArticleFigures { get; set; }

    /// <summary>
    /// A figure of the article on its own: its embed page, or its data or drawing with an extension ("csv", "svg").
    /// </summary>
    public string FigureHref(string id, string? extension = null) => SiteAddresses.Figure(Article.Slug, id, extension);

    /// <summary>A run's permanent page under the article.</summary>
    public string RunPageHref(StoredRun run) => SiteAddresses.Run(Article.Slug, run.Id);

    /// <summary>The article's data page: every run of its suites, with their pages, downloads and trends.</summary>
    public string DataPageHref => SiteAddresses.Data(Article.Slug);

    /// <summary>
    /// Where a run's data downloads: the article's own results for the run its references read by default, else
    /// the run's own downloads under the article.
    /// </summary>
    public string DataHref(StoredRun run, string extension) =>
        Snapshot.RunFor(Article.Suite, default(RunSelector).Or(Article.Origin)) is { } own && own.Run.Id == run.Id
            ? SiteAddresses.Results(Article.Slug, extension)
            : SiteAddresses.Results(Article.Slug, extension, run.Id);

    /// <summary>
    /// A run in a few words, to tell runs apart in a figure: "Bytepulse (reported)" or "ours (measured)".
    /// </summary>
    public string RunLabel(StoredRun run) => run.IsReported ? $"{run.Info.Source} (reported)" : "ours (measured)";

    /// <summary>The figures rendered so far, in page order: what the embed page and figure downloads serve.</summary>
    public IReadOnlyList<RenderedFigure> Figures => _figures;

    /// <summary>A permanent id for a figure of this page, made from what it shows (see <see cref="FigureIds"/>).
    /// </summary>
    public string NextFigureId(string kind, IEnumerable<string> parts) => _ids.Next(kind, parts);

    public void AddFigure(RenderedFigure figure) => _figures.Add(figure);

    /// <summary>Every data block rendered so far in words, in page order: what the import dry run compares.</summary>
    public IReadOnlyList<FigureReading> Readings => _readings;

    public void AddReading(FigureReading reading) => _readings.Add(reading);

    /// <summary>
    /// How a figure's id names the runs it shows: nothing for the article's own run, else each run's origin when it
    /// is the latest of its origin ("measured"), or its id when a reference pins an older one.
    /// </summary>
    public IEnumerable<string> RunIdParts(IReadOnlyList<RunResults> runs)
    {
        var own = Snapshot.RunFor(Article.Suite, default(RunSelector).Or(Article.Origin));
        if (runs.Count == 1 && own is not null && own.Run.Id == runs[0].Run.Id)
        {
            return [];
        }

        return runs.Select(r =>
            Snapshot.LatestByOrigin.GetValueOrDefault((r.Run.Suite, r.Run.Info.Origin))?.Run.Id == r.Run.Id
                ? r.Run.Info.Origin.ToText()
                : r.Run.Id);
    }

    /// <summary>
    /// 1-based colour slot for a framework: the article's frameworks first, so colours match on every chart.
    /// </summary>
    public int ColourOf(string framework) => (_colourOrder.IndexOf(framework) % 8) + 1;

    /// <summary>The run a selector names for this article (its default origin when it names none).</summary>
    public RunResults? Run(RunSelector selector, out string? problem)
    {
        var chosen = selector.Or(Article.Origin);
        var run = Snapshot.RunFor(Article.Suite, chosen);
        problem = run is not null ? null
            : chosen.RunId is { } id ? $"run '{id}' is not in the results store"
            : chosen.Origin is { } origin ? $"suite '{Article.Suite}' has no {origin.ToText()} run in the results store"
            : $"suite '{Article.Suite}' has no runs in the results store";
        return run;
    }

    /// <summary>The first unknown scenario, metric or framework among these, or null when all are known.</summary>
    public string? FirstUnknown(IEnumerable<SeriesKey> series, IEnumerable<string>? frameworks = null) =>
        series.Select(s => Unknown(scenario: s.Scenario, metric: s.Metric))
            .Concat((frameworks ?? []).Select(f => Unknown(framework: f)))
            .FirstOrDefault(u => u is not null);

    public string? Unknown(string? framework = null, string? scenario = null, string? metric = null)
    {
        if (framework is not null && !Snapshot.Frameworks.ContainsKey(framework))
        {
            var known = string.Join(", ", Snapshot.Frameworks.Keys.Order(StringComparer.Ordinal));
            return $"unknown framework '{framework}' (known: {known})";
        }

        if (scenario is not null && !Snapshot.Scenarios.ContainsKey(scenario))
        {
            var known = string.Join(", ", Snapshot.Scenarios.Keys.Order(StringComparer.Ordinal));
            return $"unknown scenario '{scenario}' (known: {known})";
        }

        if (metric is not null && !Snapshot.Metrics.ContainsKey(metric))
        {
            var known = string.Join(", ", Snapshot.Metrics.Keys.Order(StringComparer.Ordinal));
            return $"unknown metric '{metric}' (known: {known})";
        }

        return null;
    }

    /// <summary>"Bytepulse 30-day production benchmark (Bytepulse, reported figures), March 31, 2026".</summary>
    public string Provenance(StoredRun run)
    {
        var origin = run.IsReported ? "figures as reported by the source" : "our own measurements";
        return $"{run.Info.Title} ({run.Info.Source}, {origin}), {Formatter.Date(run.Info.Date)}";
    }

    public string FrameworkName(string slug) => Snapshot.Frameworks.TryGetValue(slug, out var f) ? f.Name : slug;
}
