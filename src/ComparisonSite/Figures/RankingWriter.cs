using ComparisonSite.Results.Store;

namespace ComparisonSite.Figures;

/// <summary>
/// Orders of frameworks in words: <c>{{ranking}}</c> ("FastAPI, then Flask, then Django") and <c>{{agreement}}</c>,
/// which sets our latest measured ranking against the source's latest reported one and says plainly when they
/// differ, so the sentence follows the next run either way.
/// </summary>
internal static class RankingWriter
{
    /// <summary>
    /// "FastAPI, then Flask and Django (tied)": best first, equal values tied, values with no clear difference
    /// grouped ("FastAPI and Flask (no clear difference)").
    /// </summary>
    public static void WriteRanking(
        FigureWriter figure, RunResults run, string scenario, string metric, IReadOnlyList<string>? frameworks)
    {
        var context = figure.Context;
        if (context.Unknown(scenario: scenario, metric: metric) is { } unknown)
        {
            figure.WriteUnresolved(unknown, block: false);
            return;
        }

        var ranking = Rank(context, run, frameworks ?? context.Article.Frameworks, scenario, metric);
        if (ranking.Count == 0)
        {
            figure.WriteUnresolved($"run '{run.Run.Id}' has no values for {scenario}:{metric}", block: false);
            return;
        }

        Write(figure, Words(context, ranking), context.Provenance(run.Run), differs: false);
    }

    /// <summary>
    /// Over the frameworks both runs have values for: "matches Bytepulse's (FastAPI, then Flask, then Django)" when
    /// the orders are the same; "is consistent with Bytepulse's (…): we measured …" when ours only ties, with no
    /// clear difference, what the source ordered; else "differs from Bytepulse's: Bytepulse ranks …; we measured …",
    /// since some framework the source put ahead of another came out clearly behind it.
    /// </summary>
    public static void WriteAgreement(
        FigureWriter figure, RunResults reported, RunResults measured, string scenario, string metric,
        IReadOnlyList<string>? frameworks)
    {
        var context = figure.Context;
        if (context.Unknown(scenario: scenario, metric: metric) is { } unknown)
        {
            figure.WriteUnresolved(unknown, block: false);
            return;
        }

        var both = (frameworks ?? context.Article.Frameworks)
            .Where(f => reported.Find(f, scenario, metric) is not null
                && measured.Find(f, scenario, metric) is not null)
            .ToList();
        if (both.Count < 2)
        {
            var runs = $"runs '{reported.Run.Id}' and '{measured.Run.Id}'";
            figure.WriteUnresolved($"{runs} share fewer than two frameworks on {scenario}:{metric}", block: false);
            return;
        }

        var (theirRanking, ourRanking) =
            (Rank(context, reported, both, scenario, metric), Rank(context, measured, both, scenario, metric));
        var (theirs, ours) = (Words(context, theirRanking), Words(context, ourRanking));
        var source = reported.Run.Info.Source;
        var provenance = $"{context.Provenance(reported.Run)}; {context.Provenance(measured.Run)}";
        if (theirs == ours)
        {
            Write(figure, $"matches {source}'s ({ours})", provenance, differs: false);
        }
        else if (!Reverses(theirRanking, ourRanking))
        {
            Write(figure, $"is consistent with {source}'s ({theirs}): we measured {ours}", provenance, differs: false);
        }
        else
        {
            Write(
                figure, $"differs from {source}'s: {source} ranks {theirs}; we measured {ours}", provenance,
                differs: true);
        }
    }

    /// <summary>True when some framework one ranking puts strictly ahead of another, the other puts behind.</summary>
    private static bool Reverses(IReadOnlyList<NoiseGroup> first, IReadOnlyList<NoiseGroup> second)
    {
        var (a, b) = (Places(first), Places(second));
        return a.Keys.Any(x => a.Keys.Any(y => a[x] < a[y] && b[x] > b[y]));
    }

    private static Dictionary<string, int> Places(IReadOnlyList<NoiseGroup> ranking) =>
        ranking.SelectMany((group, place) => group.Members.Select(m => (m.Framework, place)))
            .ToDictionary(p => p.Framework, p => p.place, StringComparer.Ordinal);

    /// <summary>
    /// The frameworks with values, best group first: equal values are tied, and so are values with no clear
    /// difference (<see cref="NoiseRanking"/>).
    /// </summary>
    private static IReadOnlyList<NoiseGroup> Rank(
        FigureContext context, RunResults run, IEnumerable<string> frameworks, string scenario, string metricSlug) =>
        NoiseRanking.Rank(
            frameworks.Select(f => run.Find(f, scenario, metricSlug)).OfType<Measurement>(),
            context.Snapshot.Metrics[metricSlug]);

    /// <summary>
    /// "FastAPI, then Flask and Django (tied)", or "FastAPI and Flask (no clear difference), then Django".
    /// </summary>
    private static string Words(FigureContext context, IReadOnlyList<NoiseGroup> ranking) =>
        string.Join(", then ", ranking.Select(group => group switch
        {
            { Members.Count: 1 } => context.FrameworkName(group.Members[0].Framework),
            { WithinNoise: true } =>
                $"{InlineFigureWriter.NameList(group.Members.Select(m => context.FrameworkName(m.Framework)))} "
                + "(no clear difference)",
            _ => $"{string.Join(" and ", group.Members.Select(m => context.FrameworkName(m.Framework)))} (tied)",
        }));

    private static void Write(FigureWriter figure, string text, string provenance, bool differs)
    {
        if (!figure.WritesHtml)
        {
            figure.Html.WriteEscape(text);
            return;
        }

        var open = differs ? "<strong class=\"figure ranking-differs\" title=\"" : "<span class=\"figure\" title=\"";
        figure.Html.Write(open).WriteEscape(provenance).Write("\">");
        figure.Html.WriteEscape(text);
        figure.Html.Write(differs ? "</strong>" : "</span>");
    }
}
