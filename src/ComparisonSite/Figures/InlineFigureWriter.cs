using ComparisonSite.Markdown.DataReferences;
using ComparisonSite.Results.Store;

namespace ComparisonSite.Figures;

/// <summary>Renders the inline kinds: value, ratio, percent, diff and best.</summary>
internal static class InlineFigureWriter
{
    public static void Write(FigureHtmlRenderer renderer, DataReference reference, int line)
    {
        var context = renderer.Context!;
        var run = context.Run(reference.RunId, out var problem);
        if (run is null)
        {
            renderer.WriteUnresolved(line, reference.Source, problem!, block: false);
            return;
        }

        var args = reference.Arguments;
        switch (reference.Kind)
        {
            case DataReferenceKind.Value:
                WriteValue(renderer, reference, run, args[0], args[1], args[2], line);
                break;
            case DataReferenceKind.Ratio or DataReferenceKind.Percent or DataReferenceKind.Diff:
                WriteComparison(renderer, reference, run, line);
                break;
            case DataReferenceKind.Best:
                WriteBest(renderer, reference, run, line);
                break;
            default:
                renderer.WriteUnresolved(line, reference.Source, "this kind must stand alone on its own line", block: false);
                break;
        }
    }

    private static void WriteValue(FigureHtmlRenderer renderer, DataReference reference, RunResults run, string framework, string scenario, string metric, int line)
    {
        var context = renderer.Context!;
        var measurement = Find(renderer, reference, run, framework, scenario, metric, line);
        if (measurement is null)
        {
            return;
        }

        var text = context.Formatter.Value(measurement.Value, context.Snapshot.Metrics[metric], !reference.WithoutUnit, reference.RoundTo);
        renderer.WriteFigure(run.Run, text, measurement.Value);
    }

    private static void WriteComparison(FigureHtmlRenderer renderer, DataReference reference, RunResults run, int line)
    {
        var context = renderer.Context!;
        var (a, b, scenario, metricSlug) = (reference.Arguments[0], reference.Arguments[1], reference.Arguments[2], reference.Arguments[3]);
        var first = Find(renderer, reference, run, a, scenario, metricSlug, line);
        var second = first is null ? null : Find(renderer, reference, run, b, scenario, metricSlug, line);
        if (first is null || second is null)
        {
            return;
        }

        if (first.Value <= 0 || second.Value <= 0)
        {
            renderer.WriteUnresolved(line, reference.Source, "cannot compare with a value of zero", block: false);
            return;
        }

        var metric = context.Snapshot.Metrics[metricSlug];
        var formatter = context.Formatter;
        var (text, value) = reference.Kind switch
        {
            DataReferenceKind.Ratio => (formatter.Ratio(first.Value, second.Value, metric), Math.Max(first.Value, second.Value) / Math.Min(first.Value, second.Value)),
            DataReferenceKind.Percent => (formatter.Percent(first.Value, second.Value, metric), Math.Abs(first.Value - second.Value) / second.Value * 100),
            _ => (formatter.Difference(first.Value, second.Value, metric), Math.Abs(first.Value - second.Value)),
        };
        renderer.WriteFigure(run.Run, text, value);
    }

    private static void WriteBest(FigureHtmlRenderer renderer, DataReference reference, RunResults run, int line)
    {
        var context = renderer.Context!;
        var (scenario, metricSlug) = (reference.Arguments[0], reference.Arguments[1]);
        if (context.Unknown(scenario: scenario, metric: metricSlug) is { } unknown)
        {
            renderer.WriteUnresolved(line, reference.Source, unknown, block: false);
            return;
        }

        var metric = context.Snapshot.Metrics[metricSlug];
        var candidates = (reference.Frameworks ?? context.Article.Meta.Frameworks)
            .Select(f => run.Find(f, scenario, metricSlug))
            .OfType<Measurement>()
            .ToList();
        if (candidates.Count == 0)
        {
            renderer.WriteUnresolved(line, reference.Source, $"run '{run.Run.Id}' has no values for {scenario}:{metricSlug}", block: false);
            return;
        }

        var bestValue = candidates.Select(c => c.Value).Aggregate((x, y) => FigureFormatter.IsBetter(y, x, metric) ? y : x);
        var names = string.Join(" and ", candidates.Where(c => c.Value == bestValue).Select(c => context.FrameworkName(c.Framework)));
        if (renderer.EnableHtmlForInline)
        {
            renderer.Write("<span class=\"figure\" title=\"").WriteEscape(context.Provenance(run.Run)).Write("\">").WriteEscape(names).Write("</span>");
        }
        else
        {
            renderer.WriteEscape(names);
        }
    }

    private static Measurement? Find(FigureHtmlRenderer renderer, DataReference reference, RunResults run, string framework, string scenario, string metric, int line)
    {
        if (renderer.Context!.Unknown(framework, scenario, metric) is { } unknown)
        {
            renderer.WriteUnresolved(line, reference.Source, unknown, block: false);
            return null;
        }

        var measurement = run.Find(framework, scenario, metric);
        if (measurement is null)
        {
            renderer.WriteUnresolved(line, reference.Source, $"run '{run.Run.Id}' has no value for {framework} on {scenario}:{metric}", block: false);
        }

        return measurement;
    }
}
