using ComparisonSite.Results;
using ComparisonSite.Results.Import;
using ComparisonSite.Results.Store;

namespace ComparisonSite.Figures.Claims;

/// <summary>
/// Sets the source's performance claims against our latest measured run with the rule every figure uses
/// (<see cref="NoiseRule"/>): a claim holds when our run shows it clearly, shows no clear difference when the
/// ratio's 95% interval contains 1, and does not hold when it shows the opposite clearly, or a size clearly
/// outside the claimed one. Claims come from the article's <c>claims:</c> and from the source's latest reported
/// run itself: who leads each measured metric there. A claim naming a framework, scenario or metric the store
/// does not know is a problem at its line of index.md.
/// </summary>
internal static class ClaimChecker
{
    public static ClaimCheck? Of(FigureContext context)
    {
        var article = context.Article;
        var snapshot = context.Snapshot;
        var reported = snapshot.LatestByOrigin.GetValueOrDefault((article.Suite, RunOrigin.Reported));
        var measured = snapshot.LatestByOrigin.GetValueOrDefault((article.Suite, RunOrigin.Measured));
        var written = (article.Claims ?? []).Where(c => IsKnown(context, c)).ToList();
        var fromRun = reported is null ? [] : RunClaims(context, reported)
            .Where(c => !written.Any(w => w.IsBest && w.Framework == c.Framework && w.Series == c.Series))
            .ToList();
        if (written.Count + fromRun.Count == 0)
        {
            return null;
        }

        var check = new ClaimEvidence(context, reported, measured);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var claims = written.Select(c => check.Of(c, fromRun: false))
            .Concat(fromRun.Select(c => check.Of(c, fromRun: true)))
            .Select(c => (seen[c.Anchor] = seen.GetValueOrDefault(c.Anchor) + 1) == 1
                ? c
                : c with { Anchor = $"{c.Anchor}-{seen[c.Anchor]}" })
            .ToList();
        return new ClaimCheck(reported?.Run.Info.Source ?? "the source", reported?.Run, measured?.Run, claims);
    }

    /// <summary>
    /// "FastAPI leads: Requests per second, JSON endpoint" for each measured metric of the source's run where one
    /// of the article's frameworks is clearly ahead of the others.
    /// </summary>
    private static IEnumerable<SourceClaim> RunClaims(FigureContext context, RunResults reported)
    {
        var series = reported.Measurements
            .Select(m => new SeriesKey(m.Scenario, m.Metric))
            .Distinct()
            .Where(s => context.Snapshot.Metrics[s.Metric].Kind == Metric.MeasurementKind);
        foreach (var key in series)
        {
            var values = context.Article.Frameworks
                .Select(f => reported.Find(f, key.Scenario, key.Metric))
                .OfType<Measurement>()
                .ToList();
            var metric = context.Snapshot.Metrics[key.Metric];
            if (values.Count >= 2 && NoiseRanking.Best(values, metric) is { Members: [var leader] })
            {
                var name = context.FrameworkName(leader.Framework);
                var says = $"{name} leads: {metric.Name}, {context.Snapshot.Scenarios[key.Scenario].Name}";
                yield return new SourceClaim(says, key, leader.Framework, null, null, 0);
            }
        }
    }

    private static bool IsKnown(FigureContext context, SourceClaim claim)
    {
        var unknown = context.Unknown(claim.Framework, claim.Series.Scenario, claim.Series.Metric)
            ?? (claim.Behind is { } behind ? context.Unknown(behind) : null);
        if (unknown is null && context.Snapshot.Metrics[claim.Series.Metric] is { Kind: var kind }
            && kind != Metric.MeasurementKind)
        {
            unknown = $"'{claim.Series.Metric}' is not a measurement but a {kind}: a performance claim is checked "
                + "against measurements";
        }

        if (unknown is not null)
        {
            context.Problems.Add(new FigureProblem(
                context.Article.IndexFile, claim.Line, $"claim '{Identifiers.Shorten(claim.Says, 60)}': {unknown}"));
        }

        return unknown is null;
    }
}
