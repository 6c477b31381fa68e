using System.Globalization;
using System.Text.Json;
using ComparisonSite.Figures.Svg;
using ComparisonSite.Results;
using ComparisonSite.Results.Store;

namespace ComparisonSite.Figures;

/// <summary>
/// <c>{{chart scenario:metric…}}</c>: a figure with the chart drawn on the server as an accessible inline SVG (what
/// the reader sees first, what prints, what crawlers and readers without JavaScript get), a hidden canvas in the
/// same box for Chart.js once the reader comes to the chart, the chart's data as JSON in a non-executable script
/// element, and a real table of the same numbers. Bars are frameworks (one colour each, the same on every chart);
/// groups are scenarios, or scenarios as each run measured them when the chart sets runs side by side (origins=).
/// </summary>
internal static class ChartWriter
{
    /// <param name="figure">Where the chart goes.</param>
    /// <param name="runs">The runs whose values the chart shows: one, or several side by side.</param>
    /// <param name="series">The scenario and metric pairs to show, all of one metric.</param>
    /// <param name="frameworks">The frameworks to show, or null for the article's own list.</param>
    /// <param name="horizontal">Bars run sideways, for long scenario names.</param>
    public static void Write(
        FigureWriter figure, IReadOnlyList<RunResults> runs, IReadOnlyList<SeriesKey> series,
        IReadOnlyList<string>? frameworks, bool horizontal)
    {
        var context = figure.Context;
        // A chart shows the frameworks among those named that have values; it does not refuse the others.
        if (context.FirstUnknown(series) is { } unknown)
        {
            figure.WriteUnresolved(unknown, block: true);
            return;
        }

        var metric = context.Snapshot.Metrics[series[0].Metric];
        var groups = series.SelectMany(s => runs.Select(r => new ChartGroup(s, r))).ToList();
        var shown = (frameworks ?? context.Article.Frameworks)
            .Where(f => groups.Any(g => g.Find(f) is not null))
            .ToList();
        if (shown.Count == 0)
        {
            var ids = string.Join("', '", runs.Select(r => r.Run.Id));
            figure.WriteUnresolved($"run '{ids}' has no values for {string.Join(", ", series)}", block: true);
            return;
        }

        var id = context.NextFigureId("chart", series.Select(s => s.ToString()).Concat(context.RunIdParts(runs)));
        var direction = metric.Better == Better.Higher ? "higher is better" : "lower is better";
        var unit = FigureFormatter.UnitLabel(metric.Unit);
        var title = $"{metric.Name} ({unit}, {direction})";
        var groupNames = groups.Select(g => GroupName(context, g, runs.Count)).ToList();
        var bars = shown.Select(f => Bars(context, f, groups)).ToList();
        if (groups.Count == 1)
        {
            // One group: best first, so the order itself answers "which is fastest"; with several groups the
            // article's order stays, so that the groups compare.
            bars = metric.Better == Better.Higher
                ? [.. bars.OrderByDescending(b => b.Values[0] ?? double.MinValue)]
                : [.. bars.OrderBy(b => b.Values[0] ?? double.MaxValue)];
        }

        var data = new ChartData(title, unit, metric.Decimals, horizontal, groupNames, bars);
        var canvasLabel = $"Bar chart of {title}; the same data is in the table below.";
        var svg = SvgFigure.Bars(context, metric, id, canvasLabel, $"{unit}, {direction}", data);

        var html = figure.Html;
        html.EnsureLine();
        var mark = figure.Mark();
        html.Write("<figure class=\"chart\" id=\"").Write(id).Write("\" data-chart=\"").Write(id).WriteLine("-data\">");
        var provenance = string.Join("; ", runs.Select(r => context.Provenance(r.Run)));
        var values = groups.SelectMany(g => shown.Select(g.Find)).OfType<Measurement>().ToList();
        var caption = SpreadWriter.Caption(values) is { } spread
            ? $"{title}. {provenance}. {spread} Whiskers on the bars show the range."
            : $"{title}. {provenance}.";
        html.Write("<figcaption>").WriteEscape(caption).WriteLine("</figcaption>");
        figure.Reading.Caption = caption;
        figure.WriteChartBox(
            horizontal ? "chart-box chart-horizontal" : "chart-box",
            svg,
            canvasLabel,
            id,
            JsonSerializer.Serialize(data, ChartJson.Default.ChartData));
        WriteTable(figure, groups, metric, groupNames, shown);
        figure.WriteDownloads(runs, id, chart: true);
        html.WriteLine("</figure>");
        var standalone = SvgDocument.Standalone(svg.Chart, svg.Body, title, $"Source: {provenance}.");
        var figureData = Data(figure.Context, groups, metric, groupNames, shown);
        figure.AddFigure(id, "chart", title, mark, figureData, standalone);
    }

    /// <summary>The chart's numbers as its table shows them: a row per framework, a column per group.</summary>
    private static FigureData Data(
        FigureContext context, List<ChartGroup> groups, Metric metric, List<string> groupNames, List<string> shown)
    {
        var unit = FigureFormatter.UnitLabel(metric.Unit);
        var columns = groupNames.Select(n => $"{n} ({unit})").Prepend("Framework").ToList();
        var rows = shown
            .Select(f => (IReadOnlyList<string>)[context.FrameworkName(f), .. groups.Select(g => Cell(g.Find(f)))])
            .ToList();
        return new FigureData(columns, rows);
    }

    private static string Cell(Measurement? measurement) =>
        measurement is null ? string.Empty : measurement.Value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>One group of bars: a scenario as one run measured it.</summary>
    private sealed record ChartGroup(SeriesKey Series, RunResults Run)
    {
        public Measurement? Find(string framework) => Run.Find(framework, Series.Scenario, Series.Metric);
    }

    /// <summary>One framework's bars, with the min–max whiskers of those that have a spread.</summary>
    private static ChartSeries Bars(FigureContext context, string framework, List<ChartGroup> groups)
    {
        var results = groups.Select(g => g.Find(framework)).ToList();
        var ranges = results.Select(r => r is null ? null : NoiseRule.Range(r)).ToList();
        var hasSpread = ranges.Any(r => r is not null);
        return new ChartSeries(
            context.FrameworkName(framework),
            framework,
            context.ColourOf(framework),
            [.. results.Select(r => r?.Value)],
            hasSpread ? [.. ranges.Select(r => r?.Min)] : null,
            hasSpread ? [.. ranges.Select(r => r?.Max)] : null);
    }

    /// <summary>"JSON endpoint", or "JSON endpoint: Bytepulse (reported)" when the chart shows several runs.</summary>
    private static string GroupName(FigureContext context, ChartGroup group, int runCount)
    {
        var name = context.Snapshot.Scenarios[group.Series.Scenario].Name;
        return runCount == 1 ? name : $"{name}: {context.RunLabel(group.Run.Run)}";
    }

    private static void WriteTable(
        FigureWriter figure, List<ChartGroup> groups, Metric metric, List<string> groupNames, List<string> frameworks)
    {
        var html = figure.Html;
        var label = $"Data for the chart of {metric.Name}, {string.Join(" and ", groupNames)}";
        html.Write("<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"")
            .WriteEscape(label).WriteLine("\">");
        html.Write("<table class=\"chart-table figure-table\" data-rows=\"frameworks\" data-columns=\"")
            .Write(groups.Count.ToString(CultureInfo.InvariantCulture)).Write("\">");
        html.Write("<thead>");
        html.Write("<tr>");
        var columns = groupNames.Select(n => $"{n} ({FigureFormatter.UnitLabel(metric.Unit)})").ToList();
        figure.Reading.Header(columns.Prepend("Framework"));
        html.Write("<th scope=\"col\">Framework</th>");
        foreach (var column in columns)
        {
            html.Write("<th scope=\"col\">").WriteEscape(column).Write("</th>");
        }

        html.Write("</tr>");
        html.Write("</thead>");
        html.WriteLine("<tbody>");
        foreach (var framework in frameworks)
        {
            html.Write("<tr").Write(BenchmarkTableWriter.FrameworkAttribute(framework)).Write('>');
            var name = figure.Context.FrameworkName(framework);
            html.Write("<th scope=\"row\">").WriteEscape(name).Write("</th>");
            figure.Reading.Row(name);
            foreach (var (group, column) in groups.Zip(columns))
            {
                html.Write("<td").Write(BenchmarkTableWriter.ColumnAttribute(column)).Write('>');
                if (group.Find(framework) is { } measurement)
                {
                    var text = figure.Context.Formatter.Number(measurement.Value, metric);
                    figure.WriteFigure(group.Run.Run, text, measurement.Value);
                    figure.Reading.Cell(SpreadWriter.Write(figure, measurement, metric, text));
                }
                else
                {
                    var message = $"run '{group.Run.Run.Id}' has no value for {framework} on {group.Series}";
                    figure.WriteUnresolved(message, block: false);
                    figure.Reading.Cell("n/a");
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
