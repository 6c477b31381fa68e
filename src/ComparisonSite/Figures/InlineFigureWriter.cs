using ComparisonSite.Results.Store;

namespace ComparisonSite.Figures;

/// <summary>The figures that sit inside a sentence: a value, a comparison of two values, the best framework.</summary>
internal static class InlineFigureWriter
{
    /// <summary>"8,520 req/s": one framework's value, optionally rounded for prose or without its unit.</summary>
    public static void WriteValue(
        FigureWriter figure, RunResults run, string framework, string scenario, string metric, bool withUnit,
        double? roundTo)
    {
        var measurement = Find(figure, run, framework, scenario, metric);
        if (measurement is null)
        {
            return;
        }

        var context = figure.Context;
        var text = context.Formatter.Value(measurement.Value, context.Snapshot.Metrics[metric], withUnit, roundTo);
        figure.WriteFigure(run.Run, text, measurement.Value);
    }

    /// <summary>
    /// "7.8x faster": framework <paramref name="a"/> compared with framework <paramref name="b"/>. Returns the word
    /// that joins it to the second framework's name when the text's "than" is the reference's own
    /// (<see cref="Markdown.DataReferences.OwnedConnectives"/>): " than", or nothing after "the same as", or " from"
    /// after "not clearly different".
    /// </summary>
    public static string WriteComparison(
        FigureWriter figure, RunResults run, FigureComparison comparison, string a, string b, string scenario,
        string metricSlug)
    {
        const string Than = " than";
        var first = Find(figure, run, a, scenario, metricSlug);
        var second = first is null ? null : Find(figure, run, b, scenario, metricSlug);
        if (first is null || second is null)
        {
            return Than;
        }

        if (first.Value <= 0 || second.Value <= 0)
        {
            figure.WriteUnresolved("cannot compare with a value of zero", block: false);
            return Than;
        }

        var metric = figure.Context.Snapshot.Metrics[metricSlug];
        var formatter = figure.Context.Formatter;
        var (x, y) = (first.Value, second.Value);
        // Both from this run: paired over rounds when their round counts match.
        var interval = NoiseRule.RatioInterval(first, second, sameRun: true);
        var unclear = interval is { } i && i.Contains(1);
        var ratio = interval is { } r ? formatter.Ratio(x, y, metric, r) : formatter.Ratio(x, y, metric);
        var (text, value) = comparison switch
        {
            FigureComparison.Ratio => (ratio, Math.Max(x, y) / Math.Min(x, y)),
            FigureComparison.Percent => (
                unclear
                    ? FigureFormatter.NoClearDifference(
                        (Math.Abs(x - y) / y * 100).ToString("N0", formatter.Culture) + "%", x, y, metric)
                    : formatter.Percent(x, y, metric),
                Math.Abs(x - y) / y * 100),
            _ => (
                unclear
                    ? FigureFormatter.NoClearDifference(formatter.Value(Math.Abs(x - y), metric), x, y, metric)
                    : formatter.Difference(x, y, metric),
                Math.Abs(x - y)),
        };
        // The <data> value keeps the real figure for machines, whatever the words say.
        figure.WriteFigure(run.Run, text, value);
        return x != y ? Than : unclear ? " from" : string.Empty;
    }

    /// <summary>
    /// "FastAPI": the framework (or frameworks, on a tie) with the best value; "no clear winner (FastAPI and
    /// Flask)" when there is no clear difference between it and others (<see cref="NoiseRule"/>).
    /// </summary>
    public static void WriteBest(
        FigureWriter figure, RunResults run, string scenario, string metricSlug, IReadOnlyList<string>? frameworks)
    {
        var context = figure.Context;
        if (context.Unknown(scenario: scenario, metric: metricSlug) is { } unknown)
        {
            figure.WriteUnresolved(unknown, block: false);
            return;
        }

        var metric = context.Snapshot.Metrics[metricSlug];
        var candidates = (frameworks ?? context.Article.Frameworks)
            .Select(f => run.Find(f, scenario, metricSlug))
            .OfType<Measurement>()
            .ToList();
        if (candidates.Count == 0)
        {
            figure.WriteUnresolved($"run '{run.Run.Id}' has no values for {scenario}:{metricSlug}", block: false);
            return;
        }

        var best = NoiseRanking.Best(candidates, metric);
        var names = best.WithinNoise
            ? $"no clear winner ({NameList(best.Members.Select(m => context.FrameworkName(m.Framework)))})"
            : string.Join(" and ", best.Members.Select(m => context.FrameworkName(m.Framework)));
        if (!figure.WritesHtml)
        {
            figure.Html.WriteEscape(names);
            return;
        }

        figure.Html.Write("<span class=\"figure\" title=\"").WriteEscape(context.Provenance(run.Run)).Write("\">");
        figure.Html.WriteEscape(names);
        figure.Html.Write("</span>");
    }

    /// <summary>"A and B", "A, B and C": names in the noise-aware wording.</summary>
    public static string NameList(IEnumerable<string> names)
    {
        var list = names.ToList();
        return list.Count <= 2 ? string.Join(" and ", list) : $"{string.Join(", ", list[..^1])} and {list[^1]}";
    }

    private static Measurement? Find(
        FigureWriter figure, RunResults run, string framework, string scenario, string metric)
    {
        if (figure.Context.Unknown(framework, scenario, metric) is { } unknown)
        {
            figure.WriteUnresolved(unknown, block: false);
            return null;
        }

        var measurement = run.Find(framework, scenario, metric);
        if (measurement is null)
        {
            var message = $"run '{run.Run.Id}' has no value for {framework} on {scenario}:{metric}";
            figure.WriteUnresolved(message, block: false);
        }

        return measurement;
    }
}
