using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using ComparisonSite.Figures.Svg;
using ComparisonSite.Results;
using ComparisonSite.Results.Import;
using ComparisonSite.Results.Store;

namespace ComparisonSite.Figures;

/// <summary>
/// A trend: one scenario and metric across comparable runs (one suite, one origin: runs on different machines are
/// not compared with each other), a line per framework over the runs' dates. Shaped like a bar chart
/// (<see cref="ChartWriter"/>): an inline SVG drawn on the server, a canvas Chart.js draws from JSON in a
/// non-executable script element, and a real table of the same numbers (a row per run, linking its page) for
/// crawlers, screen readers and readers without JavaScript.
/// </summary>
internal static class TrendWriter
{
    /// <param name="figure">Where the trend goes.</param>
    /// <param name="runs">Comparable runs, oldest first; the caller shows a trend only for two or more.</param>
    /// <param name="series">The scenario and metric to follow.</param>
    /// <param name="label">Which runs these are, for the caption: "measured runs".</param>
    public static void Write(FigureWriter figure, IReadOnlyList<RunResults> runs, SeriesKey series, string label)
    {
        var context = figure.Context;
        var metric = context.Snapshot.Metrics[series.Metric];
        var scenario = context.Snapshot.Scenarios[series.Scenario];
        var shown = context.Article.Frameworks
            .Concat(runs.SelectMany(r => r.Measurements).Select(m => m.Framework).Order(StringComparer.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .Where(f => runs.Any(r => r.Find(f, series.Scenario, series.Metric) is not null))
            .ToList();
        var formatter = context.Formatter;
        var direction = metric.Better == Better.Higher ? "higher is better" : "lower is better";
        var unit = FigureFormatter.UnitLabel(metric.Unit);
        var title = $"{metric.Name}, {scenario.Name} ({unit}, {direction})";
        var dates = runs.Select(r => SiteDates.Iso(r.Run.Info.Date)).ToList();
        var lines = shown.Select(f => new ChartSeries(
            context.FrameworkName(f),
            f,
            context.ColourOf(f),
            [.. runs.Select(r => r.Find(f, series.Scenario, series.Metric)?.Value)]));
        var data = new TrendData("line", title, unit, metric.Decimals, false, dates, [.. lines]);
        var id = context.NextFigureId("trend", [series.ToString(), runs[0].Run.Info.Origin.ToText()]);
        var span = $"{formatter.Date(runs[0].Run.Info.Date)} to {formatter.Date(runs[^1].Run.Info.Date)}";

        var html = figure.Html;
        html.EnsureLine();
        var mark = figure.Mark();
        html.Write("<figure class=\"chart trend\" id=\"").Write(id).Write("\" data-chart=\"").Write(id)
            .WriteLine("-data\">");
        html.Write("<figcaption>").WriteEscape(title).Write(": ").WriteEscape(label).Write(", ")
            .WriteEscape(span).WriteLine(".</figcaption>");
        var chartLabel = $"Line chart of {title} over {label}; the same data is in the table below.";
        var svg = SvgFigure.Trend(context, metric, id, chartLabel, $"{unit}, {direction}", data);
        figure.WriteChartBox(
            "chart-box", svg, chartLabel, id, JsonSerializer.Serialize(data, TrendJson.Default.TrendData));
        WriteTable(figure, runs, series, metric, $"Data for the trend of {title}, {label}", shown);
        html.Write("<p class=\"figure-downloads\">This figure");
        figure.WriteFigureLinks(id, ": ");
        html.WriteLine("</p>");
        html.WriteLine("</figure>");
        var standalone = SvgDocument.Standalone(svg.Chart, svg.Body, $"{title}: {label}, {span}", $"Source: {label}.");
        figure.AddFigure(id, "trend", title, mark, Data(context, runs, series, metric, shown), standalone);
    }

    /// <summary>The trend's numbers as its table shows them: a row per run, a column per framework.</summary>
    private static FigureData Data(
        FigureContext context, IReadOnlyList<RunResults> runs, SeriesKey series, Metric metric, List<string> shown)
    {
        var unit = FigureFormatter.UnitLabel(metric.Unit);
        var columns = shown.Select(f => $"{context.FrameworkName(f)} ({unit})").Prepend("Run").Prepend("Date");
        var rows = runs.Select(r => (IReadOnlyList<string>)
        [
            SiteDates.Iso(r.Run.Info.Date),
            r.Run.Id,
            .. shown.Select(f => Cell(r.Find(f, series.Scenario, series.Metric))),
        ]);
        return new FigureData([.. columns], [.. rows]);
    }

    private static string Cell(Measurement? measurement) =>
        measurement is null ? string.Empty : measurement.Value.ToString("R", CultureInfo.InvariantCulture);

    private static void WriteTable(
        FigureWriter figure, IReadOnlyList<RunResults> runs, SeriesKey series, Metric metric, string label,
        List<string> frameworks)
    {
        var html = figure.Html;
        var context = figure.Context;
        html.Write("<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"")
            .WriteEscape(label).WriteLine("\">");
        html.Write("<table class=\"chart-table trend-table figure-table\" data-rows=\"runs\"")
            .Write(BenchmarkTableWriter.ColumnCountAttribute(frameworks.Count)).Write('>');
        html.Write("<thead><tr><th scope=\"col\">Run</th>");
        foreach (var framework in frameworks)
        {
            html.Write("<th scope=\"col\"").Write(BenchmarkTableWriter.FrameworkAttribute(framework)).Write('>')
                .WriteEscape(context.FrameworkName(framework))
                .Write(" (").WriteEscape(FigureFormatter.UnitLabel(metric.Unit)).Write(")</th>");
        }

        html.WriteLine("</tr></thead>");
        html.WriteLine("<tbody>");
        foreach (var run in runs)
        {
            html.Write("<tr><th scope=\"row\"><a href=\"").WriteEscape(context.RunPageHref(run.Run)).Write("\">")
                .WriteEscape(context.Formatter.Date(run.Run.Info.Date)).Write("</a> ")
                .WriteEscape(run.Run.Info.Title).Write("</th>");
            foreach (var framework in frameworks)
            {
                html.Write("<td").Write(BenchmarkTableWriter.FrameworkAttribute(framework))
                    .Write(BenchmarkTableWriter.ColumnAttribute(context.FrameworkName(framework))).Write('>');
                if (run.Find(framework, series.Scenario, series.Metric) is { } measurement)
                {
                    html.Write("<data value=\"").Write(measurement.Value.ToString("R", CultureInfo.InvariantCulture))
                        .Write("\">").WriteEscape(context.Formatter.Number(measurement.Value, metric)).Write("</data>");
                }
                else
                {
                    html.Write("<span title=\"Not measured in this run\">–</span>");
                }

                html.Write("</td>");
            }

            html.WriteLine("</tr>");
        }

        html.Write("</tbody></table>");
        html.WriteLine("</div>");
    }
}

/// <summary>What the chart script reads for a trend: a bar chart's fields with <c>type</c> "line".</summary>
internal sealed record TrendData(
    string Type, string Title, string Unit, int Decimals, bool Horizontal, IReadOnlyList<string> Labels,
    IReadOnlyList<ChartSeries> Series);

/// <summary>Serialization written at compile time, as for bar charts.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(TrendData))]
internal sealed partial class TrendJson : JsonSerializerContext;
