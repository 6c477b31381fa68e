using ComparisonSite.Results;
using ComparisonSite.Results.Store;

namespace ComparisonSite.Figures;

/// <summary>
/// A place in a ranking: results the page does not tell apart. <see cref="WithinNoise"/> is true when a member's
/// value differs from the leader's but the ratio's interval contains 1 (no clear difference, <see cref="NoiseRule"/>);
/// a group of equal values only is a plain tie, worded as for results without samples.
/// </summary>
/// <param name="Members">The group's results, best value first; the first is the group's leader.</param>
/// <param name="WithinNoise">Some member is only tied with the leader because there is no clear difference.</param>
public sealed record NoiseGroup(IReadOnlyList<Measurement> Members, bool WithinNoise);

/// <summary>
/// Orders results best first and groups those the noise rule cannot tell apart, all from one run (so paired when
/// their round counts match), so <c>best</c>, <c>ranking</c>,
/// <c>agreement</c> and a table's ★ all say the same thing about the same values.
/// </summary>
public static class NoiseRanking
{
    /// <summary>
    /// The groups, best first. The leader of each group is the best remaining value (with any equal to it); the
    /// group is every remaining result equal to a leader or with no clear difference from one. Measured against the
    /// leader, not chained, because "no clear difference" is not transitive: B may be unclear against both A and C
    /// while C is clearly behind A. A result without an interval joins only on an equal value.
    /// </summary>
    public static IReadOnlyList<NoiseGroup> Rank(IEnumerable<Measurement> results, Metric metric)
    {
        var remaining = results
            .Select((m, i) => (Result: m, Order: i))
            .OrderBy(x => x.Result.Value, Comparer<double>.Create((x, y) =>
                FigureFormatter.IsBetter(x, y, metric) ? -1 : FigureFormatter.IsBetter(y, x, metric) ? 1 : 0))
            .ThenBy(x => x.Order)
            .Select(x => x.Result)
            .ToList();
        var groups = new List<NoiseGroup>();
        while (remaining.Count > 0)
        {
            var leaders = remaining.Where(m => m.Value == remaining[0].Value).ToList();
            var members = remaining
                .Where(m => m.Value == remaining[0].Value
                    || leaders.Any(l => NoiseRule.NoClearDifference(l, m, sameRun: true)))
                .ToList();
            groups.Add(new NoiseGroup(members, members.Any(m => m.Value != remaining[0].Value)));
            remaining.RemoveAll(members.Contains);
        }

        return groups;
    }

    /// <summary>The first group: the best result and every result the page cannot tell from it.</summary>
    public static NoiseGroup Best(IEnumerable<Measurement> results, Metric metric) => Rank(results, metric)[0];
}
