using System.Globalization;
using System.Text;
using System.Text.Json;
using ComparisonSite.Articles;
using ComparisonSite.Caching;
using ComparisonSite.Content;
using ComparisonSite.Results;
using ComparisonSite.Results.Import;
using ComparisonSite.Results.Store;
using ComparisonSite.Routing;

namespace ComparisonSite.Downloads;

/// <summary>
/// <c>/&lt;slug&gt;/results.csv</c> and <c>/&lt;slug&gt;/results.json</c>: the run a comparison cites, its environment
/// and every measurement, from the same snapshot the page renders from. Every run of the comparison's suites (the
/// ones its figures read and the older ones its data page lists) downloads the same way under
/// <c>/&lt;slug&gt;/runs/&lt;run-id&gt;/results.csv</c>.
/// </summary>
internal static class ResultsDownload
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static IEndpointRouteBuilder MapResultsDownloads(this IEndpointRouteBuilder endpoints)
    {
        MapDownload(
            endpoints,
            "csv",
            "text/csv; charset=utf-8",
            (article, snapshot, run, response, cancellationToken) =>
                WriteCsvAsync(response, snapshot, run, cancellationToken));
        MapDownload(
            endpoints,
            "json",
            "application/json; charset=utf-8",
            (article, snapshot, run, response, cancellationToken) =>
                WriteJsonAsync(response, article, snapshot, run, cancellationToken));
        return endpoints;
    }

    /// <summary>Writes one download of the run an article cites to the response.</summary>
    private delegate Task DownloadWriter(
        ComparisonArticle article,
        ResultsSnapshot snapshot,
        RunResults run,
        HttpResponse response,
        CancellationToken cancellationToken);

    /// <summary>
    /// GET and HEAD of <c>/&lt;slug&gt;/results.&lt;extension&gt;</c> and of each of its suites' runs
    /// <c>/&lt;slug&gt;/runs/&lt;run-id&gt;/results.&lt;extension&gt;</c>, kept by the page cache (the comparison's
    /// version covers every run of its suites).
    /// </summary>
    private static void MapDownload(
        IEndpointRouteBuilder endpoints, string extension, string contentType, DownloadWriter write)
    {
        Func<ComparisonArticle, ResultsSnapshot, RunResults, IResult> Streamed() => (article, snapshot, run) =>
            new StreamedDownload(
                contentType,
                (response, cancellationToken) => write(article, snapshot, run, response, cancellationToken));

        endpoints.MapMethods(
                "/{slug:slug}/results." + extension,
                [HttpMethods.Get, HttpMethods.Head],
                (HttpContext http) => Respond(runId: null, http, Streamed()))
            .CachePage();
        endpoints.MapMethods(
                "/{slug:slug}/runs/{runId}/results." + extension,
                [HttpMethods.Get, HttpMethods.Head],
                (string runId, HttpContext http) => Respond(runId, http, Streamed()))
            .CachePage();
    }

    /// <summary>
    /// The comparison's default run (no id), or the run of its suites with that id; 404 for a run of no suite it
    /// cites (the slug is answered by <see cref="SlugPolicy"/>, as for every address under the comparison).
    /// </summary>
    private static IResult Respond(
        string? runId, HttpContext http, Func<ComparisonArticle, ResultsSnapshot, RunResults, IResult> respond)
    {
        var (article, snapshot) = http.Comparison();

        var run = runId is null
            ? ArticleRuns.Default(article, snapshot)
            : ArticleRuns.All(article, snapshot).FirstOrDefault(r => r.Run.Id == runId);
        if (run is null)
        {
            return TypedResults.NotFound();
        }

        http.Response.GetTypedHeaders().LastModified = run.Run.ChangedAt;
        return respond(article, snapshot, run);
    }

    /// <summary>The whole CSV as text (what <see cref="WriteCsvAsync"/> sends).</summary>
    internal static string ToCsv(ResultsSnapshot snapshot, RunResults run)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new SpreadsheetSafeCsvWriter(writer))
        {
            WriteCsvHeader(csv);
            foreach (var m in Ordered(run))
            {
                WriteCsvRecord(csv, snapshot, run, m);
            }
        }

        return writer.ToString();
    }

    /// <summary>
    /// Sends the CSV a block of rows at a time, so a large run is never one string in memory, and every write to
    /// the response is asynchronous.
    /// </summary>
    private static async Task WriteCsvAsync(
        HttpResponse response, ResultsSnapshot snapshot, RunResults run, CancellationToken cancellationToken)
    {
        const int RowsPerBlock = 2_000;
        var block = new StringBuilder();
        await using var writer = new StringWriter(block, CultureInfo.InvariantCulture);
        await using var csv = new SpreadsheetSafeCsvWriter(writer);
        WriteCsvHeader(csv);
        var rows = 0;
        foreach (var m in Ordered(run))
        {
            WriteCsvRecord(csv, snapshot, run, m);
            if (++rows % RowsPerBlock == 0)
            {
                await SendAsync();
            }
        }

        await SendAsync();

        async Task SendAsync()
        {
            await csv.FlushAsync();
            await response.WriteAsync(block.ToString(), Encoding.UTF8, cancellationToken);
            block.Clear();
        }
    }

    private static void WriteCsvHeader(SpreadsheetSafeCsvWriter csv)
    {
        string[] headers =
        [
            "run_id", "run_title", "run_date", "source", "origin", "framework", "framework_name", "scenario",
            "scenario_name", "metric", "metric_name", "unit", "better", "kind", "value", "samples",
        ];
        foreach (var header in headers)
        {
            csv.WriteField(header);
        }

        csv.NextRecord();
    }

    private static void WriteCsvRecord(
        SpreadsheetSafeCsvWriter csv, ResultsSnapshot snapshot, RunResults run, Measurement m)
    {
        var metric = snapshot.Metrics[m.Metric];
        var info = run.Run.Info;
        csv.WriteField(info.Id);
        csv.WriteField(info.Title);
        csv.WriteField(SiteDates.Iso(info.Date));
        csv.WriteField(info.Source);
        csv.WriteField(info.Origin.ToText());
        csv.WriteField(m.Framework);
        csv.WriteField(snapshot.Frameworks[m.Framework].Name);
        csv.WriteField(m.Scenario);
        csv.WriteField(snapshot.Scenarios[m.Scenario].Name);
        csv.WriteField(m.Metric);
        csv.WriteField(metric.Name);
        csv.WriteField(metric.Unit);
        csv.WriteField(metric.Better == Better.Higher ? "higher" : "lower");
        csv.WriteField(metric.Kind);
        csv.WriteField(m.Value.ToString("R", CultureInfo.InvariantCulture));
        csv.WriteField(m.Samples is null
            ? string.Empty
            : string.Join(' ', m.Samples.Select(s => s.ToString("R", CultureInfo.InvariantCulture))));
        csv.NextRecord();
    }

    /// <summary>Serializes the JSON download straight to the response, never to one string.</summary>
    private static Task WriteJsonAsync(
        HttpResponse response,
        ComparisonArticle article,
        ResultsSnapshot snapshot,
        RunResults run,
        CancellationToken cancellationToken)
    {
        var info = run.Run.Info;
        var document = new
        {
            comparison = new { slug = article.Slug, title = article.Meta.Title, suite = article.Meta.Suite },
            run = new
            {
                id = info.Id,
                title = info.Title,
                date = info.Date,
                period = info.PeriodStart is null && info.PeriodEnd is null
                    ? null
                    : new { start = info.PeriodStart, end = info.PeriodEnd },
                source = info.Source,
                sourceUrl = info.SourceUrl,
                origin = info.Origin.ToText(),
                environment = new
                {
                    hardware = info.Hardware,
                    cores = info.Cores,
                    memory = info.Memory,
                    os = info.Os,
                    server = info.ServerSetup,
                },
                load = new { tool = info.LoadTool, concurrency = info.Concurrency, duration = info.Duration },
                notes = info.Notes,
                caveats = info.Caveats,
                // In the run document's shape, so what was imported reads back the same; null when the run has
                // none, as for an older document.
                setup = info.Setup.Count == 0 ? null : info.Setup,
                importedAt = run.Run.ImportedAt,
            },
            frameworks = run.Measurements.Select(m => m.Framework).Distinct().Order(StringComparer.Ordinal)
                .Select(f => AsRunServedIt(snapshot.Frameworks[f], info)),
            scenarios = run.Measurements.Select(m => m.Scenario).Distinct().Order(StringComparer.Ordinal)
                .Select(s => snapshot.Scenarios[s]),
            metrics = run.Measurements.Select(m => m.Metric).Distinct().Order(StringComparer.Ordinal)
                .Select(m => snapshot.Metrics[m])
                .Select(m => new
                {
                    m.Slug,
                    m.Name,
                    m.Unit,
                    better = m.Better == Better.Higher ? "higher" : "lower",
                    m.Decimals,
                    m.Kind,
                }),
            measurements = Ordered(run).Select(m => new { m.Framework, m.Scenario, m.Metric, m.Value, m.Samples }),
        };
        return JsonSerializer.SerializeAsync(response.Body, document, Json, cancellationToken);
    }

    /// <summary>
    /// A framework as this run served it: the shared catalog names the server the framework is usually run on
    /// (Django in ASGI mode on Daphne, as the source ran it), while a run with a setup says what it ran itself.
    /// </summary>
    private static Framework AsRunServedIt(Framework framework, RunInfo info) =>
        info.Setup.FirstOrDefault(s => s.Framework == framework.Slug) is { } setup
            ? framework with { Server = setup.Server }
            : framework;

    private static IEnumerable<Measurement> Ordered(RunResults run) =>
        run.Measurements.OrderBy(m => m.Scenario, StringComparer.Ordinal)
            .ThenBy(m => m.Metric, StringComparer.Ordinal)
            .ThenBy(m => m.Framework, StringComparer.Ordinal);

    /// <summary>A download written straight to the response body as it is produced.</summary>
    private sealed class StreamedDownload(string contentType, Func<HttpResponse, CancellationToken, Task> write)
        : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.ContentType = contentType;
            return write(httpContext.Response, httpContext.RequestAborted);
        }
    }
}
