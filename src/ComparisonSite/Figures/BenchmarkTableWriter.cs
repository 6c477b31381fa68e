using ComparisonSite.Results;
using ComparisonSite.Results.Store;

namespace ComparisonSite.Figures;

/// <summary>
/// <c>{{table scenario:metric…}}</c>: a benchmark table with units in the headers, the best value of each
/// metric marked, and a caption naming the run and its date.
/// </summary>
internal static class BenchmarkTableWriter
{
    /// <param name="figure">Where the table goes.</param>
    /// <param name="run">The run whose values the table shows.</param>
    /// <param name="series">The scenario and metric pairs to show.</param>
    /// <param name="frameworks">The frameworks to show, or null for the article's own list.</param>
    /// <param name="frameworksAsColumns">One column per framework (the default), else one row per framework.</param>
    public static void Write(
        FigureWriter figure, RunResults run, IReadOnlyList<SeriesKey> series, IReadOnlyList<string>? frameworks,
        bool frameworksAsColumns)
    {
        var context = figure.Context;
        if (context.FirstUnknown(series, frameworks) is { } unknown)
        {
            figure.WriteUnresolved(unknown, block: true);
            return;
        }

        var shown = frameworks ?? context.Article.Frameworks;
        var metricNames = series.Select(s => context.Snapshot.Metrics[s.Metric].Name).Distinct();
        var caption = $"{string.Join(", ", metricNames)}: {context.Provenance(run.Run)}. ★ marks the best value.";
        var headers = frameworksAsColumns
            ? shown.Select(context.FrameworkName)
            : series.Select(s => SeriesLabel(context, s));
        var best = series.ToDictionary(s => s, s => BestValue(context, run, s, shown));

        var html = figure.Html;
        html.EnsureLine();
        html.Write("<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"")
            .WriteEscape(caption).WriteLine("\">");
        html.WriteLine("<table class=\"benchmark\">");
        html.Write("<caption>").WriteEscape(caption).WriteLine("</caption>");
        html.Write("<thead>");
        html.Write("<tr>");
        html.Write("<th scope=\"col\">").Write(frameworksAsColumns ? "Metric" : "Framework").Write("</th>");
        foreach (var header in headers)
        {
            html.Write("<th scope=\"col\">").WriteEscape(header).Write("</th>");
        }

        html.Write("</tr>");
        html.WriteLine("</thead>");
        html.WriteLine("<tbody>");
        if (frameworksAsColumns)
        {
            foreach (var s in series)
            {
                WriteRow(figure, run, SeriesLabel(context, s), shown.Select(f => (s, f)), best);
            }
        }
        else
        {
            foreach (var framework in shown)
            {
                WriteRow(figure, run, context.FrameworkName(framework), series.Select(s => (s, framework)), best);
            }
        }

        html.WriteLine("</tbody>");
        html.WriteLine("</table>");
        html.WriteLine("</div>");
        figure.WriteDownloads();
        html.WriteLine();
    }

    private static void WriteRow(
        FigureWriter figure, RunResults run, string heading, IEnumerable<(SeriesKey Series, string Framework)> cells,
        Dictionary<SeriesKey, double?> best)
    {
        figure.Html.Write("<tr>");
        figure.Html.Write("<th scope=\"row\">").WriteEscape(heading).Write("</th>");
        foreach (var (series, framework) in cells)
        {
            WriteCell(figure, run, series, framework, best[series]);
        }

        figure.Html.WriteLine("</tr>");
    }

    private static void WriteCell(FigureWriter figure, RunResults run, SeriesKey series, string framework, double? best)
    {
        var html = figure.Html;
        var measurement = run.Find(framework, series.Scenario, series.Metric);
        if (measurement is null)
        {
            html.Write("<td>");
            figure.WriteUnresolved($"run '{run.Run.Id}' has no value for {framework} on {series}", block: false);
            html.Write("</td>");
            return;
        }

        var context = figure.Context;
        var isBest = measurement.Value == best;
        html.Write(isBest ? "<td class=\"best\">" : "<td>");
        var text = context.Formatter.Number(measurement.Value, context.Snapshot.Metrics[series.Metric]);
        figure.WriteFigure(run.Run, text, measurement.Value);
        if (isBest)
        {
            html.Write(" <span class=\"best-mark\" role=\"img\" aria-label=\"best\">★</span>");
        }

        html.Write("</td>");
    }

    /// <summary>"Requests per second, JSON endpoint (req/s, higher is better)".</summary>
    private static string SeriesLabel(FigureContext context, SeriesKey series)
    {
        var metric = context.Snapshot.Metrics[series.Metric];
        var scenario = context.Snapshot.Scenarios[series.Scenario];
        var direction = metric.Better == Better.Higher ? "higher" : "lower";
        return $"{metric.Name}, {scenario.Name} ({FigureFormatter.UnitLabel(metric.Unit)}, {direction} is better)";
    }

    private static double? BestValue(
        FigureContext context, RunResults run, SeriesKey series, IReadOnlyList<string> frameworks)
    {
        var metric = context.Snapshot.Metrics[series.Metric];
        var values = frameworks.Select(f => run.Find(f, series.Scenario, series.Metric)?.Value)
            .OfType<double>()
            .ToList();
        return values.Count < 2 ? null : values.Aggregate((x, y) => FigureFormatter.IsBetter(y, x, metric) ? y : x);
    }
}
