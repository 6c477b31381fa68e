using System.Text.Json;
using System.Text.Json.Serialization;
using ComparisonSite.Markdown.DataReferences;
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
    public static void Write(FigureHtmlRenderer renderer, DataReference reference, RunResults run, int line)
    {
        var context = renderer.Context!;
        var series = reference.Series;
        if (series.Select(s => context.Unknown(scenario: s.Scenario, metric: s.Metric)).FirstOrDefault(u => u is not null) is { } unknown)
        {
            renderer.WriteUnresolved(line, reference.Source, unknown, block: true);
            return;
        }

        var metric = context.Snapshot.Metrics[series[0].Metric];
        var frameworks = (reference.Frameworks ?? context.Article.Meta.Frameworks)
            .Where(f => series.Any(s => run.Find(f, s.Scenario, s.Metric) is not null))
            .ToList();
        if (frameworks.Count == 0)
        {
            renderer.WriteUnresolved(line, reference.Source, $"run '{run.Run.Id}' has no values for {string.Join(", ", series)}", block: true);
            return;
        }

        var number = context.NextChartNumber();
        var id = $"chart-{number}";
        var direction = metric.Better == Better.Higher ? "higher is better" : "lower is better";
        var unit = FigureFormatter.UnitLabel(metric.Unit);
        var title = $"{metric.Name} ({unit}, {direction})";
        var scenarioNames = series.Select(s => context.Snapshot.Scenarios[s.Scenario].Name).ToList();
        var data = new ChartData(
            title,
            unit,
            metric.Decimals,
            reference.Flags.Contains("horizontal"),
            scenarioNames,
            [.. frameworks.Select(f => new ChartSeries(context.FrameworkName(f), f, context.ColourOf(f), [.. series.Select(s => run.Find(f, s.Scenario, s.Metric)?.Value)]))]);

        renderer.EnsureLine();
        renderer.Write("<figure class=\"chart\" id=\"").Write(id).Write("\" data-chart=\"").Write(id).WriteLine("-data\">");
        renderer.Write("<figcaption>").WriteEscape(title).Write(". ").WriteEscape(context.Provenance(run.Run)).WriteLine(".</figcaption>");
        renderer.Write("<div class=\"chart-canvas").Write(data.Horizontal ? " chart-horizontal" : string.Empty).Write("\" hidden><canvas aria-label=\"")
            .WriteEscape($"Bar chart of {title}; the same data is in the table below.").WriteLine("\" role=\"img\"></canvas></div>");
        // JsonSerializer's default encoder escapes <, >, & and quotes, so no string can close the script element.
        renderer.Write("<script type=\"application/json\" id=\"").Write(id).Write("-data\">").Write(JsonSerializer.Serialize(data, ChartJson.Default.ChartData)).WriteLine("</script>");
        WriteTable(renderer, reference, run, metric, scenarioNames, frameworks, line);
        renderer.WriteDownloads();
        renderer.WriteLine("</figure>");
    }

    private static void WriteTable(FigureHtmlRenderer renderer, DataReference reference, RunResults run, Metric metric, List<string> scenarioNames, List<string> frameworks, int line)
    {
        var series = reference.Series;
        var context = renderer.Context!;
        renderer.Write("<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"").WriteEscape($"Data for the chart of {metric.Name}, {string.Join(" and ", scenarioNames)}").WriteLine("\">");
        renderer.Write("<table class=\"chart-table\"><thead><tr><th scope=\"col\">Framework</th>");
        foreach (var name in scenarioNames)
        {
            renderer.Write("<th scope=\"col\">").WriteEscape(name).Write(" (").WriteEscape(FigureFormatter.UnitLabel(metric.Unit)).Write(")</th>");
        }

        renderer.WriteLine("</tr></thead><tbody>");
        foreach (var framework in frameworks)
        {
            renderer.Write("<tr><th scope=\"row\">").WriteEscape(context.FrameworkName(framework)).Write("</th>");
            foreach (var s in series)
            {
                renderer.Write("<td>");
                if (run.Find(framework, s.Scenario, s.Metric) is { } measurement)
                {
                    renderer.WriteFigure(run.Run, context.Formatter.Number(measurement.Value, metric), measurement.Value);
                }
                else
                {
                    renderer.WriteUnresolved(line, reference.Source, $"run '{run.Run.Id}' has no value for {framework} on {s}", block: false);
                }

                renderer.Write("</td>");
            }

            renderer.WriteLine("</tr>");
        }

        renderer.WriteLine("</tbody></table></div>");
    }
}

/// <summary>The JSON a chart script reads: labels are scenarios, each series a framework with its colour slot.</summary>
internal sealed record ChartData(string Title, string Unit, int Decimals, bool Horizontal, IReadOnlyList<string> Labels, IReadOnlyList<ChartSeries> Series);

internal sealed record ChartSeries(string Label, string Framework, int Colour, IReadOnlyList<double?> Values);

/// <summary>Serialization written at compile time: no reflection or code generation on a page's first render.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ChartData))]
internal sealed partial class ChartJson : JsonSerializerContext;
