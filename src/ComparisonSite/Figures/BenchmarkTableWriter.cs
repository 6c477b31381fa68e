using System.Globalization;
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
    /// <param name="runs">The runs whose values the table shows: one, or several side by side (origins=).</param>
    /// <param name="series">The scenario and metric pairs to show.</param>
    /// <param name="frameworks">The frameworks to show, or null for the article's own list.</param>
    /// <param name="frameworksAsColumns">One column per framework (the default), else one row per framework.</param>
    public static void Write(
        FigureWriter figure, IReadOnlyList<RunResults> runs, IReadOnlyList<SeriesKey> series,
        IReadOnlyList<string>? frameworks, bool frameworksAsColumns)
    {
        var context = figure.Context;
        if (context.FirstUnknown(series, frameworks) is { } unknown)
        {
            figure.WriteUnresolved(unknown, block: true);
            return;
        }

        var shown = frameworks ?? context.Article.Frameworks;
        var lines = series.SelectMany(s => runs.Select(r => new RunSeries(s, r))).ToList();
        var metricNames = series.Select(s => context.Snapshot.Metrics[s.Metric].Name).Distinct();
        var provenance = string.Join("; ", runs.Select(r => context.Provenance(r.Run)));
        var values = lines.SelectMany(l => shown.Select(f => l.Find(f))).OfType<Measurement>().ToList();
        var spread = SpreadWriter.Caption(values);
        // ★ promises a clear best only where intervals can say so; values without one compare as single values.
        var bestNote = values.Any(NoiseRule.HasInterval) ? NoisyBestNote(runs.Count) : BestNote(runs.Count);
        var caption = $"{string.Join(", ", metricNames)}: {provenance}. "
            + (spread is null ? bestNote : $"{spread} {bestNote}");
        var headers = frameworksAsColumns
            ? shown.Select(context.FrameworkName)
            : lines.Select(l => Label(context, l, runs.Count));
        var headerFrameworks = frameworksAsColumns ? shown : lines.Select(_ => (string?)null);
        var best = lines.ToDictionary(l => l, l => BestOf(context, l, shown));

        var id = context.NextFigureId(
            "table", series.Select(s => s.ToString()).Concat(context.RunIdParts(runs)));
        var html = figure.Html;
        html.EnsureLine();
        var mark = figure.Mark();
        html.Write("<figure class=\"table-figure\" id=\"").Write(id).WriteLine("\">");
        html.Write("<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"")
            .WriteEscape(caption).WriteLine("\">");
        // Which way the table runs, for figures.js: rows of frameworks sort by a column; rows of metrics do not.
        // How many value columns, for the narrow layout (site.css), which sets a row's values out in that many.
        html.Write("<table class=\"benchmark figure-table\" data-rows=\"")
            .Write(frameworksAsColumns ? "metrics" : "frameworks")
            .Write("\" data-columns=\"").Write(headers.Count().ToString(CultureInfo.InvariantCulture))
            .WriteLine("\">");
        html.Write("<caption>").WriteEscape(caption).WriteLine("</caption>");
        var reading = figure.Reading;
        reading.Caption = caption;
        reading.Best = frameworksAsColumns ? BestAlong.Rows : BestAlong.Columns;
        reading.Header(headers.Prepend(frameworksAsColumns ? "Metric" : "Framework"));
        html.Write("<thead>");
        html.Write("<tr>");
        html.Write("<th scope=\"col\">").Write(frameworksAsColumns ? "Metric" : "Framework").Write("</th>");
        foreach (var (header, framework) in headers.Zip(headerFrameworks))
        {
            html.Write("<th scope=\"col\"").Write(FrameworkAttribute(framework)).Write('>')
                .WriteEscape(header).Write("</th>");
        }

        html.Write("</tr>");
        html.WriteLine("</thead>");
        var columnNames = headers.ToList();
        if (frameworksAsColumns && runs.Count > 1)
        {
            WriteRunGroups(figure, series, lines, shown, columnNames, best);
        }
        else if (frameworksAsColumns)
        {
            html.WriteLine("<tbody>");
            foreach (var line in lines)
            {
                WriteRow(figure, Label(context, line, 1), null, shown.Select(f => (line, f)), columnNames, best);
            }

            html.WriteLine("</tbody>");
        }
        else
        {
            html.WriteLine("<tbody>");
            foreach (var framework in shown)
            {
                WriteRow(
                    figure, context.FrameworkName(framework), framework, lines.Select(l => (l, framework)),
                    columnNames, best);
            }

            html.WriteLine("</tbody>");
        }

        html.WriteLine("</table>");
        html.WriteLine("</div>");
        figure.WriteDownloads(runs, id);
        html.WriteLine("</figure>");
        var title = $"{string.Join(", ", metricNames)} ({provenance})";
        var columns = headers.Prepend(frameworksAsColumns ? "Metric" : "Framework");
        IEnumerable<IReadOnlyList<string>> rows = frameworksAsColumns
            ? lines.Select(l =>
                (IReadOnlyList<string>)[Label(context, l, runs.Count), .. shown.Select(f => Cell(l, f))])
            : shown.Select(f => (IReadOnlyList<string>)[context.FrameworkName(f), .. lines.Select(l => Cell(l, f))]);
        figure.AddFigure(id, "table", title, mark, new FigureData([.. columns], [.. rows]));
    }

    private static string Cell(RunSeries line, string framework) =>
        line.Find(framework)?.Value.ToString("R", CultureInfo.InvariantCulture) ?? string.Empty;

    /// <summary>One scenario and metric as one run measured it: a row (or column) of the table.</summary>
    private sealed record RunSeries(SeriesKey Series, RunResults Run)
    {
        public Measurement? Find(string framework) => Run.Find(framework, Series.Scenario, Series.Metric);
    }

    /// <summary>
    /// The cells of a row marked best: the best value and any equal to it (★), or, when there is no clear difference
    /// between the best and another value, every value the noise rule cannot tell from it ("≈ best").
    /// </summary>
    private sealed record BestCells(IReadOnlySet<string> Frameworks, bool WithinNoise);

    private static string BestNote(int runCount) =>
        runCount == 1 ? "★ marks the best value." : "★ marks the best value of each run.";

    /// <summary>The caption's note with spreads: ★ promises a clear best, ≈ says there is none.</summary>
    private static string NoisyBestNote(int runCount) =>
        (runCount == 1 ? "★ marks a clear best value" : "★ marks a clear best value of each run")
        + " (the 95% interval of its ratio to every other excludes 1); ≈ best marks values with no clear difference "
        + "from the best.";

    /// <summary>
    /// <c> data-framework="django"</c> on a framework's row, or on each cell of its column, so that the framework
    /// filter (figures.js) can hide it; nothing for a row of metrics.
    /// </summary>
    internal static string FrameworkAttribute(string? framework) =>
        framework is null ? string.Empty : $" data-framework=\"{System.Net.WebUtility.HtmlEncode(framework)}\"";

    /// <summary><c> data-column="Django"</c>: the column's header, which the narrow layout shows beside the value.
    /// </summary>
    internal static string ColumnAttribute(string columnName) =>
        $" data-column=\"{System.Net.WebUtility.HtmlEncode(columnName)}\"";

    /// <summary>
    /// <c> figure-table</c>'s <c> data-columns="3"</c>: how many value columns the narrow layout (site.css) sets a
    /// row's values out in.
    /// </summary>
    internal static string ColumnCountAttribute(int count) =>
        string.Create(CultureInfo.InvariantCulture, $" data-columns=\"{count}\"");

    /// <param name="figure">Where the row goes.</param>
    /// <param name="heading">The row's header cell.</param>
    /// <param name="rowFramework">The row's framework (a row per framework), else null: each cell names its own.
    /// </param>
    /// <param name="cells">The row's values.</param>
    /// <param name="columnNames">The value columns' headers, repeated on each cell for the narrow layout.</param>
    /// <param name="best">The best cells of each line.</param>
    /// <param name="shortHeading">What the row's header shows when the group above it says the rest of
    /// <paramref name="heading"/>, which stays for screen readers; null to show the whole heading.</param>
    private static void WriteRow(
        FigureWriter figure, string heading, string? rowFramework,
        IEnumerable<(RunSeries Line, string Framework)> cells, IReadOnlyList<string> columnNames,
        Dictionary<RunSeries, BestCells?> best, string? shortHeading = null)
    {
        var html = figure.Html;
        html.Write("<tr").Write(FrameworkAttribute(rowFramework)).Write('>');
        html.Write("<th scope=\"row\">");
        if (shortHeading is null)
        {
            html.WriteEscape(heading);
        }
        else
        {
            html.Write("<span class=\"visually-hidden\">").WriteEscape(heading[..^shortHeading.Length])
                .Write("</span>").WriteEscape(shortHeading);
        }

        html.Write("</th>");
        figure.Reading.Row(heading);
        foreach (var ((line, framework), columnName) in cells.Zip(columnNames))
        {
            WriteCell(figure, line, framework, rowFramework is null, columnName, best[line]);
        }

        html.WriteLine("</tr>");
    }

    /// <summary>
    /// Runs side by side: a group of rows per scenario and metric, headed once with its unit and direction, a row
    /// per run under it labelled by the run alone. One long label per row ("Requests per second, JSON endpoint
    /// (req/s, higher is better): Bytepulse (reported)") squeezed the values off a phone's screen.
    /// </summary>
    private static void WriteRunGroups(
        FigureWriter figure, IReadOnlyList<SeriesKey> series, List<RunSeries> lines, IReadOnlyList<string> shown,
        IReadOnlyList<string> columnNames, Dictionary<RunSeries, BestCells?> best)
    {
        var (html, context) = (figure.Html, figure.Context);
        foreach (var key in series)
        {
            var group = lines.Where(l => l.Series == key).ToList();
            html.WriteLine("<tbody class=\"run-group\">");
            html.Write("<tr class=\"group-heading\"><th scope=\"rowgroup\" colspan=\"")
                .Write((shown.Count + 1).ToString(CultureInfo.InvariantCulture)).Write("\">")
                .WriteEscape(Label(context, group[0], 1)).WriteLine("</th></tr>");
            foreach (var line in group)
            {
                WriteRow(
                    figure, Label(context, line, 2), null, shown.Select(f => (line, f)), columnNames, best,
                    shortHeading: context.RunLabel(line.Run.Run));
            }

            html.WriteLine("</tbody>");
        }
    }

    private static void WriteCell(
        FigureWriter figure, RunSeries line, string framework, bool inColumn, string columnName, BestCells? best)
    {
        var html = figure.Html;
        var (series, run) = (line.Series, line.Run);
        var measurement = line.Find(framework);
        var attribute = FrameworkAttribute(inColumn ? framework : null) + ColumnAttribute(columnName);
        if (measurement is null)
        {
            html.Write("<td").Write(attribute).Write('>');
            figure.WriteUnresolved($"run '{run.Run.Id}' has no value for {framework} on {series}", block: false);
            html.Write("</td>");
            figure.Reading.Cell("n/a");
            return;
        }

        var context = figure.Context;
        var metric = context.Snapshot.Metrics[series.Metric];
        var isBest = best is not null && best.Frameworks.Contains(framework);
        var tied = isBest && best!.WithinNoise;
        html.Write("<td").Write(!isBest ? string.Empty : tied ? " class=\"best-tied\"" : " class=\"best\"")
            .Write(attribute).Write('>');
        var text = context.Formatter.Number(measurement.Value, metric);
        figure.WriteFigure(run.Run, text, measurement.Value);
        var shown = SpreadWriter.Write(figure, measurement, metric, text);
        figure.Reading.Cell(shown, !isBest ? BestMark.None : tied ? BestMark.WithinNoise : BestMark.Best);
        if (tied)
        {
            html.Write(" <span class=\"best-mark\" role=\"img\" aria-label=\"no clear difference from the best\">")
                .Write("≈ best</span>");
        }
        else if (isBest)
        {
            html.Write(" <span class=\"best-mark\" role=\"img\" aria-label=\"best\">★</span>");
        }

        html.Write("</td>");
    }

    /// <summary>
    /// "Requests per second, JSON endpoint (req/s, higher is better)", followed by the run when the table shows
    /// several ("…: Bytepulse (reported)").
    /// </summary>
    private static string Label(FigureContext context, RunSeries line, int runCount)
    {
        var metric = context.Snapshot.Metrics[line.Series.Metric];
        var scenario = context.Snapshot.Scenarios[line.Series.Scenario];
        var direction = metric.Better == Better.Higher ? "higher" : "lower";
        var label = $"{metric.Name}, {scenario.Name} ({FigureFormatter.UnitLabel(metric.Unit)}, {direction} is better)";
        return runCount == 1 ? label : $"{label}: {context.RunLabel(line.Run.Run)}";
    }

    private static BestCells? BestOf(FigureContext context, RunSeries line, IReadOnlyList<string> frameworks)
    {
        var metric = context.Snapshot.Metrics[line.Series.Metric];
        var values = frameworks.Select(line.Find).OfType<Measurement>().ToList();
        if (values.Count < 2)
        {
            return null;
        }

        var best = NoiseRanking.Best(values, metric);
        return new BestCells(best.Members.Select(m => m.Framework).ToHashSet(), best.WithinNoise);
    }
}
