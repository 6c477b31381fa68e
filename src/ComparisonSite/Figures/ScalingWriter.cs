using System.Globalization;
using System.Text.Json;
using ComparisonSite.Figures.Svg;
using ComparisonSite.Results;
using ComparisonSite.Results.Store;

namespace ComparisonSite.Figures;

/// <summary>
/// <c>{{scaling FAMILY METRIC}}</c>: one test type at several concurrency levels (the catalog's scenarios of that
/// family, each with its <c>concurrency</c>), a line per framework from the lowest level to the highest. Drawn as a
/// trend is (<see cref="TrendWriter"/>: the same line chart data, server-drawn SVG and Chart.js canvas), with the
/// levels where a trend has dates, and a real table of the same numbers, a row per framework and a column per level.
/// </summary>
internal static class ScalingWriter
{
    /// <param name="figure">Where the chart goes.</param>
    /// <param name="run">The run whose values it shows.</param>
    /// <param name="family">The scenarios' family, e.g. "single-query".</param>
    /// <param name="metricSlug">The metric drawn, e.g. "rps".</param>
    /// <param name="frameworks">The frameworks to show, or null for the article's own list.</param>
    public static void Write(
        FigureWriter figure, RunResults run, string family, string metricSlug, IReadOnlyList<string>? frameworks)
    {
        var context = figure.Context;
        var levelProblem = Levels(context, family, out var levels);
        if ((context.Unknown(metric: metricSlug) ?? levelProblem) is { } problem)
        {
            figure.WriteUnresolved(problem, block: true);
            return;
        }

        var metric = context.Snapshot.Metrics[metricSlug];
        var measured = levels.Where(s => run.Measurements.Any(m => m.Scenario == s.Slug && m.Metric == metricSlug))
            .ToList();
        var shown = (frameworks ?? context.Article.Frameworks)
            .Where(f => measured.Any(s => run.Find(f, s.Slug, metricSlug) is not null))
            .ToList();
        if (shown.Count == 0)
        {
            figure.WriteUnresolved(
                $"run '{run.Run.Id}' has no values of {metricSlug} for family '{family}' (its scenarios: "
                + $"{string.Join(", ", levels.Select(s => s.Slug))})",
                block: true);
            return;
        }

        var formatter = context.Formatter;
        var direction = metric.Better == Better.Higher ? "higher is better" : "lower is better";
        var unit = FigureFormatter.UnitLabel(metric.Unit);
        var title = $"{metric.Name} by concurrent connections, {family} ({unit}, {direction})";
        var labels = measured.Select(s => Level(s, formatter.Culture)).ToList();
        var lines = shown.Select(f => new ChartSeries(
            context.FrameworkName(f),
            f,
            context.ColourOf(f),
            [.. measured.Select(s => run.Find(f, s.Slug, metricSlug)?.Value)]));
        var data = new TrendData("line", title, unit, metric.Decimals, false, labels, [.. lines]);
        var id = context.NextFigureId("scaling", [family, metricSlug, .. context.RunIdParts([run])]);

        var html = figure.Html;
        html.EnsureLine();
        var mark = figure.Mark();
        html.Write("<figure class=\"chart scaling\" id=\"").Write(id).Write("\" data-chart=\"").Write(id)
            .WriteLine("-data\">");
        var caption = $"{title}. {context.Provenance(run.Run)}.";
        html.Write("<figcaption>").WriteEscape(caption).WriteLine("</figcaption>");
        figure.Reading.Caption = caption;
        var chartLabel = $"Line chart of {title}; the same data is in the table below.";
        var svg = SvgFigure.Trend(context, metric, id, chartLabel, $"{unit}, {direction}", data);
        figure.WriteChartBox(
            "chart-box", svg, chartLabel, id, JsonSerializer.Serialize(data, TrendJson.Default.TrendData));
        WriteTable(figure, run, measured, metric, labels, shown, $"Data for the chart of {title}");
        figure.WriteDownloads([run], id, chart: true);
        html.WriteLine("</figure>");
        var standalone = SvgDocument.Standalone(
            svg.Chart, svg.Body, title, $"Source: {context.Provenance(run.Run)}.");
        figure.AddFigure(id, "scaling", title, mark, Data(context, run, measured, metric, labels, shown), standalone);
    }

    /// <summary>
    /// The family's scenarios that have a concurrency level, lowest first; or why there are none to draw (a family
    /// no scenario has, two scenarios at one level).
    /// </summary>
    private static string? Levels(FigureContext context, string family, out List<Scenario> levels)
    {
        levels = [.. context.Snapshot.Scenarios.Values
            .Where(s => s.Family == family && s.Concurrency is not null)
            .OrderBy(s => s.Concurrency)
            .ThenBy(s => s.Slug, StringComparer.Ordinal)];
        if (levels.Count == 0)
        {
            var known = context.Snapshot.Scenarios.Values
                .Where(s => s.Family is not null && s.Concurrency is not null)
                .Select(s => s.Family!)
                .Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal)
                .ToList();
            return known.Count == 0
                ? $"unknown family '{family}': no scenario in the results store has a family and a concurrency"
                : $"unknown family '{family}' (known: {string.Join(", ", known)})";
        }

        var twice = levels.GroupBy(s => s.Concurrency).FirstOrDefault(g => g.Count() > 1);
        return twice is null
            ? null
            : $"family '{family}' has several scenarios at concurrency {twice.Key}: "
                + string.Join(", ", twice.Select(s => s.Slug));
    }

    private static string Level(Scenario scenario, CultureInfo culture) =>
        $"{scenario.Concurrency!.Value.ToString("N0", culture)} connections";

    /// <summary>The chart's numbers as its table shows them: a row per framework, a column per level.</summary>
    private static FigureData Data(
        FigureContext context, RunResults run, List<Scenario> levels, Metric metric, List<string> labels,
        List<string> shown)
    {
        var unit = FigureFormatter.UnitLabel(metric.Unit);
        var columns = labels.Select(l => $"{l} ({unit})").Prepend("Framework").ToList();
        var rows = shown.Select(f => (IReadOnlyList<string>)
        [
            context.FrameworkName(f),
            .. levels.Select(s => run.Find(f, s.Slug, metric.Slug) is { } m
                ? m.Value.ToString("R", CultureInfo.InvariantCulture)
                : string.Empty),
        ]).ToList();
        return new FigureData(columns, rows);
    }

    private static void WriteTable(
        FigureWriter figure, RunResults run, List<Scenario> levels, Metric metric, List<string> labels,
        List<string> frameworks, string label)
    {
        var html = figure.Html;
        var context = figure.Context;
        html.Write("<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"")
            .WriteEscape(label).WriteLine("\">");
        html.Write("<table class=\"chart-table scaling-table figure-table\" data-rows=\"frameworks\"")
            .Write(BenchmarkTableWriter.ColumnCountAttribute(labels.Count)).Write('>');
        html.Write("<thead><tr><th scope=\"col\">Framework</th>");
        var columns = labels.Select(l => $"{l} ({FigureFormatter.UnitLabel(metric.Unit)})").ToList();
        figure.Reading.Header(columns.Prepend("Framework"));
        foreach (var column in columns)
        {
            html.Write("<th scope=\"col\">").WriteEscape(column).Write("</th>");
        }

        html.WriteLine("</tr></thead>");
        html.WriteLine("<tbody>");
        foreach (var framework in frameworks)
        {
            var name = context.FrameworkName(framework);
            html.Write("<tr").Write(BenchmarkTableWriter.FrameworkAttribute(framework)).Write('>');
            html.Write("<th scope=\"row\">").WriteEscape(name).Write("</th>");
            figure.Reading.Row(name);
            foreach (var (level, column) in levels.Zip(columns))
            {
                html.Write("<td").Write(BenchmarkTableWriter.ColumnAttribute(column)).Write('>');
                if (run.Find(framework, level.Slug, metric.Slug) is { } measurement)
                {
                    var text = context.Formatter.Number(measurement.Value, metric);
                    figure.WriteFigure(run.Run, text, measurement.Value);
                    figure.Reading.Cell(SpreadWriter.Write(figure, measurement, metric, text));
                }
                else
                {
                    html.Write("<span title=\"Not measured at this level\">–</span>");
                    figure.Reading.Cell("n/a");
                }

                html.Write("</td>");
            }

            html.WriteLine("</tr>");
        }

        html.Write("</tbody></table>");
        html.WriteLine("</div>");
    }
}
