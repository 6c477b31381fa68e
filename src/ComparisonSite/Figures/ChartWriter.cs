using System.Text.Json;
using ComparisonSite.Results;
using ComparisonSite.Results.Store;

namespace ComparisonSite.Figures;

/// <summary>
/// <c>{{chart scenario:metric…}}</c>: a figure with a canvas for Chart.js, the chart's data as JSON in a
/// non-executable script element, and a real table of the same numbers for crawlers, screen readers and
/// readers without JavaScript. Bars are frameworks (one colour each, the same on every chart); groups are scenarios.
/// </summary>
internal static class ChartWriter
{
    /// <param name="figure">Where the chart goes.</param>
    /// <param name="run">The run whose values the chart shows.</param>
    /// <param name="series">The scenario and metric pairs to show, all of one metric.</param>
    /// <param name="frameworks">The frameworks to show, or null for the article's own list.</param>
    /// <param name="horizontal">Bars run sideways, for long scenario names.</param>
    public static void Write(
        FigureWriter figure, RunResults run, IReadOnlyList<SeriesKey> series, IReadOnlyList<string>? frameworks,
        bool horizontal)
    {
        var context = figure.Context;
        // A chart shows the frameworks among those named that have values; it does not refuse the others.
        if (context.FirstUnknown(series) is { } unknown)
        {
            figure.WriteUnresolved(unknown, block: true);
            return;
        }

        var metric = context.Snapshot.Metrics[series[0].Metric];
        var shown = (frameworks ?? context.Article.Frameworks)
            .Where(f => series.Any(s => run.Find(f, s.Scenario, s.Metric) is not null))
            .ToList();
        if (shown.Count == 0)
        {
            figure.WriteUnresolved($"run '{run.Run.Id}' has no values for {string.Join(", ", series)}", block: true);
            return;
        }

        var id = $"chart-{context.NextChartNumber()}";
        var direction = metric.Better == Better.Higher ? "higher is better" : "lower is better";
        var unit = FigureFormatter.UnitLabel(metric.Unit);
        var title = $"{metric.Name} ({unit}, {direction})";
        var scenarioNames = series.Select(s => context.Snapshot.Scenarios[s.Scenario].Name).ToList();
        var bars = shown.Select(f => new ChartSeries(
            context.FrameworkName(f),
            f,
            context.ColourOf(f),
            [.. series.Select(s => run.Find(f, s.Scenario, s.Metric)?.Value)]));
        var data = new ChartData(title, unit, metric.Decimals, horizontal, scenarioNames, [.. bars]);
        var canvasLabel = $"Bar chart of {title}; the same data is in the table below.";

        var html = figure.Html;
        html.EnsureLine();
        html.Write("<figure class=\"chart\" id=\"").Write(id).Write("\" data-chart=\"").Write(id).WriteLine("-data\">");
        html.Write("<figcaption>").WriteEscape(title).Write(". ").WriteEscape(context.Provenance(run.Run))
            .WriteLine(".</figcaption>");
        var canvasClass = horizontal ? "chart-canvas chart-horizontal" : "chart-canvas";
        html.Write("<div class=\"").Write(canvasClass).Write("\" hidden>");
        html.Write("<canvas aria-label=\"").WriteEscape(canvasLabel).Write("\" role=\"img\"></canvas>");
        html.WriteLine("</div>");
        // JsonSerializer's default encoder escapes <, >, & and quotes, so no string can close the script element.
        html.Write("<script type=\"application/json\" id=\"").Write(id).Write("-data\">")
            .Write(JsonSerializer.Serialize(data, ChartJson.Default.ChartData))
            .WriteLine("</script>");
        WriteTable(figure, run, series, metric, scenarioNames, shown);
        figure.WriteDownloads();
        html.WriteLine("</figure>");
    }

    private static void WriteTable(
        FigureWriter figure, RunResults run, IReadOnlyList<SeriesKey> series, Metric metric,
        List<string> scenarioNames, List<string> frameworks)
    {
        var html = figure.Html;
        var label = $"Data for the chart of {metric.Name}, {string.Join(" and ", scenarioNames)}";
        html.Write("<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"")
            .WriteEscape(label).WriteLine("\">");
        html.Write("<table class=\"chart-table\">");
        html.Write("<thead>");
        html.Write("<tr>");
        html.Write("<th scope=\"col\">Framework</th>");
        foreach (var name in scenarioNames)
        {
            html.Write("<th scope=\"col\">").WriteEscape(name)
                .Write(" (").WriteEscape(FigureFormatter.UnitLabel(metric.Unit)).Write(")</th>");
        }

        html.Write("</tr>");
        html.Write("</thead>");
        html.WriteLine("<tbody>");
        foreach (var framework in frameworks)
        {
            html.Write("<tr>");
            html.Write("<th scope=\"row\">").WriteEscape(figure.Context.FrameworkName(framework)).Write("</th>");
            foreach (var s in series)
            {
                html.Write("<td>");
                if (run.Find(framework, s.Scenario, s.Metric) is { } measurement)
                {
                    var text = figure.Context.Formatter.Number(measurement.Value, metric);
                    figure.WriteFigure(run.Run, text, measurement.Value);
                }
                else
                {
                    figure.WriteUnresolved($"run '{run.Run.Id}' has no value for {framework} on {s}", block: false);
                }

                html.Write("</td>");
            }

            html.WriteLine("</tr>");
        }

        html.Write("</tbody>");
        html.Write("</table>");
        html.WriteLine("</div>");
    }
}
