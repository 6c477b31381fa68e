using ComparisonSite.Results;
using ComparisonSite.Results.Store;

namespace ComparisonSite.Figures.Claims;

/// <summary>
/// What a run shows of one claim: the framework the claim puts ahead beside the one it is measured against (for
/// "best", the runner-up when it leads, else the leader), in words, and, for our measured run, the verdict.
/// </summary>
internal sealed class ClaimEvidence(FigureContext context, RunResults? reported, RunResults? measured)
{
    public CheckedClaim Of(SourceClaim claim, bool fromRun)
    {
        var metric = context.Snapshot.Metrics[claim.Series.Metric];
        var source = reported?.Run.Info.Source ?? "the source";
        var theirs = reported is not null && Compare(reported, claim, metric) is { } their
            ? Words(their, metric)
            : $"not in {source}'s run";
        if (measured is null)
        {
            return new CheckedClaim(claim, fromRun, theirs, "we have no measured run yet", ClaimVerdict.NotMeasured);
        }

        if (Compare(measured, claim, metric) is not { } ours)
        {
            var missing = string.Join(
                " or ", new[] { claim.Framework, claim.Behind }.OfType<string>().Select(context.FrameworkName));
            return new CheckedClaim(
                claim, fromRun, theirs, $"our run has no value of {missing} for this", ClaimVerdict.NotMeasured);
        }

        return new CheckedClaim(claim, fromRun, theirs, Words(ours, metric), Verdict(claim, ours, metric));
    }

    /// <summary>
    /// The claimed framework's result and the one it is set against in <paramref name="run"/>, with whether the
    /// claimed one leads (for "best"); null when the run lacks either.
    /// </summary>
    private Comparison? Compare(RunResults run, SourceClaim claim, Metric metric)
    {
        var (scenario, metricSlug) = (claim.Series.Scenario, claim.Series.Metric);
        if (run.Find(claim.Framework, scenario, metricSlug) is not { } first)
        {
            return null;
        }

        if (claim.Behind is { } behind)
        {
            return run.Find(behind, scenario, metricSlug) is { } second ? new Comparison(first, second, null) : null;
        }

        var ranking = NoiseRanking.Rank(
            context.Article.Frameworks.Append(claim.Framework).Distinct(StringComparer.Ordinal)
                .Select(f => run.Find(f, scenario, metricSlug)).OfType<Measurement>(),
            metric);
        var leads = ranking[0].Members.Contains(first);
        var other = leads
            ? ranking[0].Members.FirstOrDefault(m => m != first) ?? ranking.ElementAtOrDefault(1)?.Members[0]
            : ranking[0].Members[0];
        return other is null ? null : new Comparison(first, other, ranking[0]);
    }

    private static ClaimVerdict Verdict(SourceClaim claim, Comparison ours, Metric metric)
    {
        if (ours.Leaders is { } leaders)
        {
            return !leaders.Members.Contains(ours.First) ? ClaimVerdict.DoesNotHold
                : leaders.Members.Count == 1 ? ClaimVerdict.Holds
                : ClaimVerdict.NoClearDifference;
        }

        var (a, b) = (ours.First.Value, ours.Second.Value);
        if (a == b || ours.Interval is { } unclear && unclear.Contains(1))
        {
            return ClaimVerdict.NoClearDifference;
        }

        if (!FigureFormatter.IsBetter(a, b, metric))
        {
            return ClaimVerdict.DoesNotHold;
        }

        if (claim.By is not { } by)
        {
            return ClaimVerdict.Holds;
        }

        // How many times better, facing the claim's way: A/B for "higher is better", B/A for "lower is better".
        var better = metric.Better == Better.Higher;
        var point = Math.Round(better ? a / b : b / a, 1);
        var advantage = ours.Interval is { } interval
            ? better ? interval : interval.Reciprocal()
            : new Interval(point, point);
        return by.Overlaps(advantage) ? ClaimVerdict.Holds : ClaimVerdict.DoesNotHold;
    }

    /// <summary>"FastAPI 2,338 req/s, Flask 1,788 req/s: FastAPI 1.3x faster (95% interval 1.1x–1.7x)".</summary>
    private string Words(Comparison comparison, Metric metric)
    {
        var (first, second) = (comparison.First, comparison.Second);
        var formatter = context.Formatter;
        var (a, b) = (first.Value, second.Value);
        var ratio = a == b ? "the same"
            : comparison.Interval is { } interval ? formatter.Ratio(a, b, metric, interval)
            : formatter.Ratio(a, b, metric);
        return $"{context.FrameworkName(first.Framework)} {formatter.Value(a, metric)}, "
            + $"{context.FrameworkName(second.Framework)} {formatter.Value(b, metric)}: "
            + $"{context.FrameworkName(first.Framework)} {ratio}";
    }

    /// <param name="First">The claimed framework's result.</param>
    /// <param name="Second">The result it is set against.</param>
    /// <param name="Leaders">For a "best" claim, the run's leading group (the best and all it cannot be told from).
    /// </param>
    private sealed record Comparison(Measurement First, Measurement Second, NoiseGroup? Leaders)
    {
        /// <summary>The 95% interval of First/Second over the run's rounds, or null without samples.</summary>
        public Interval? Interval { get; } = NoiseRule.RatioInterval(First, Second, sameRun: true);
    }
}
