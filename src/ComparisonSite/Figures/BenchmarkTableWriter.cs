using ComparisonSite.Markdown.DataReferences;
using ComparisonSite.Results;
using ComparisonSite.Results.Store;

namespace ComparisonSite.Figures;

/// <summary>
/// <c>{{table scenario:metric…}}</c>: a benchmark table with units in the headers, the best value of each
/// metric marked, and a caption naming the run and its date.
/// </summary>
internal static class BenchmarkTableWriter
{
    public static void Write(FigureHtmlRenderer renderer, DataReference reference, RunResults run, int line)
    {
        var context = renderer.Context!;
        var series = reference.Series;
        var unknown = series.Select(s => context.Unknown(scenario: s.Scenario, metric: s.Metric))
            .Concat((reference.Frameworks ?? []).Select(f => context.Unknown(framework: f)))
            .FirstOrDefault(u => u is not null);
        if (unknown is not null)
        {
            renderer.WriteUnresolved(line, reference.Source, unknown, block: true);
            return;
        }

        var frameworks = reference.Frameworks ?? context.Article.Meta.Frameworks;
        var frameworksAsColumns = reference.Options.GetValueOrDefault("layout", "columns") == "columns";
        var caption = $"{string.Join(", ", series.Select(s => context.Snapshot.Metrics[s.Metric].Name).Distinct())}: {context.Provenance(run.Run)}. ★ marks the best value.";

        renderer.EnsureLine();
        renderer.Write("<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"").WriteEscape(caption).WriteLine("\">");
        renderer.WriteLine("<table class=\"benchmark\">");
        renderer.Write("<caption>").WriteEscape(caption).WriteLine("</caption>");
        renderer.Write("<thead><tr><th scope=\"col\">").Write(frameworksAsColumns ? "Metric" : "Framework").Write("</th>");
        foreach (var header in frameworksAsColumns ? frameworks.Select(context.FrameworkName) : series.Select(s => SeriesLabel(context, s)))
        {
            renderer.Write("<th scope=\"col\">").WriteEscape(header).Write("</th>");
        }

        renderer.WriteLine("</tr></thead>");
        renderer.WriteLine("<tbody>");
        var best = series.ToDictionary(s => s, s => BestValue(context, run, s, frameworks));
        foreach (var row in frameworksAsColumns ? series.Cast<object>() : frameworks.Cast<object>())
        {
            renderer.Write("<tr><th scope=\"row\">").WriteEscape(row is SeriesKey key ? SeriesLabel(context, key) : context.FrameworkName((string)row)).Write("</th>");
            foreach (var column in frameworksAsColumns ? frameworks.Cast<object>() : series.Cast<object>())
            {
                var (s, framework) = row is SeriesKey k ? (k, (string)column) : ((SeriesKey)column, (string)row);
                WriteCell(renderer, reference, run, s, framework, best[s], line);
            }

            renderer.WriteLine("</tr>");
        }

        renderer.WriteLine("</tbody>");
        renderer.WriteLine("</table>");
        renderer.WriteLine("</div>");
        renderer.WriteDownloads();
        renderer.WriteLine();
    }

    /// <summary>"Requests per second, JSON endpoint (req/s, higher is better)".</summary>
    public static string SeriesLabel(FigureContext context, SeriesKey series)
    {
        var metric = context.Snapshot.Metrics[series.Metric];
        return $"{metric.Name}, {context.Snapshot.Scenarios[series.Scenario].Name} ({FigureFormatter.UnitLabel(metric.Unit)}, {(metric.Better == Better.Higher ? "higher" : "lower")} is better)";
    }

    private static void WriteCell(FigureHtmlRenderer renderer, DataReference reference, RunResults run, SeriesKey series, string framework, double? best, int line)
    {
        var context = renderer.Context!;
        var measurement = run.Find(framework, series.Scenario, series.Metric);
        if (measurement is null)
        {
            renderer.Write("<td>");
            renderer.WriteUnresolved(line, reference.Source, $"run '{run.Run.Id}' has no value for {framework} on {series}", block: false);
            renderer.Write("</td>");
            return;
        }

        var isBest = measurement.Value == best;
        renderer.Write(isBest ? "<td class=\"best\">" : "<td>");
        renderer.WriteFigure(run.Run, context.Formatter.Number(measurement.Value, context.Snapshot.Metrics[series.Metric]), measurement.Value);
        if (isBest)
        {
            renderer.Write(" <span class=\"best-mark\" role=\"img\" aria-label=\"best\">★</span>");
        }

        renderer.Write("</td>");
    }

    private static double? BestValue(FigureContext context, RunResults run, SeriesKey series, IReadOnlyList<string> frameworks)
    {
        var metric = context.Snapshot.Metrics[series.Metric];
        var values = frameworks.Select(f => run.Find(f, series.Scenario, series.Metric)?.Value).OfType<double>().ToList();
        return values.Count < 2 ? null : values.Aggregate((x, y) => FigureFormatter.IsBetter(y, x, metric) ? y : x);
    }
}
