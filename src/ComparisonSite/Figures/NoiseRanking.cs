using ComparisonSite.Results;
using ComparisonSite.Results.Store;

namespace ComparisonSite.Figures;

/// <summary>
/// A place in a ranking: results the page does not tell apart. <see cref="WithinNoise"/> is true when a member's
/// value differs from the leader's but the two are within noise (<see cref="NoiseRule"/>); a group of equal values
/// only is a plain tie, worded as before spreads existed.
/// </summary>
/// <param name="Members">The group's results, best value first; the first is the group's leader.</param>
/// <param name="WithinNoise">Some member is only tied with the leader because their spreads overlap.</param>
public sealed record NoiseGroup(IReadOnlyList<Measurement> Members, bool WithinNoise);

/// <summary>
/// Orders results best first and groups those the noise rule cannot tell apart, so <c>best</c>, <c>ranking</c>,
/// <c>agreement</c> and a table's ★ all say the same thing about the same values.
/// </summary>
public static class NoiseRanking
{
    /// <summary>
    /// The groups, best first. The leader of each group is the best remaining value (with any equal to it); the
    /// group is every remaining result equal to a leader or within noise of one. Measured against the leader, not
    /// chained, because overlap is not transitive: B may overlap both A and C while C is clearly behind A. A result
    /// without a spread joins only on an equal value, as before.
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
                .Where(m => m.Value == remaining[0].Value || leaders.Any(l => NoiseRule.Overlaps(l, m)))
                .ToList();
            groups.Add(new NoiseGroup(members, members.Any(m => m.Value != remaining[0].Value)));
            remaining.RemoveAll(members.Contains);
        }

        return groups;
    }

    /// <summary>The first group: the best result and every result the page cannot tell from it.</summary>
    public static NoiseGroup Best(IEnumerable<Measurement> results, Metric metric) => Rank(results, metric)[0];
}
