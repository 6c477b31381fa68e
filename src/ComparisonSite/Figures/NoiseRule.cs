using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using ComparisonSite.Results.Store;

namespace ComparisonSite.Figures;

/// <summary>
/// When the page cannot tell two results apart. A result with <see cref="MinimumSamples"/> or more samples (rounds)
/// has a 95% interval for its median, and two such results a 95% interval for the ratio of their medians, both by
/// percentile bootstrap (<see cref="Bootstrap"/>, 2,000 resamples). Two results of the same run with the same
/// number of rounds are paired: the bootstrap resamples round indices, so drift between rounds (every framework
/// slower in a busy round) cancels out; otherwise each result is resampled on its own. When the ratio's interval
/// contains 1 there is <b>no clear difference</b>. A result with fewer samples is compared as a single value, so
/// pages keep their plain wording for it; its min–max range (two or more samples) is still shown.
/// </summary>
public static class NoiseRule
{
    /// <summary>
    /// The fewest samples a result needs for an interval. With 3 the median's interval is the min–max range
    /// (each end is the resampled median in about a quarter of the resamples); with 2 a median's resamples are
    /// only the two samples and their mean, which says nothing.
    /// </summary>
    public const int MinimumSamples = 3;

    /// <summary>True when the result carries at least two samples: a min–max range to show.</summary>
    public static bool HasSpread(Measurement result) => result.Samples is { Count: >= 2 };

    /// <summary>The smallest and largest sample, or null without a spread.</summary>
    public static (double Min, double Max)? Range(Measurement result) =>
        HasSpread(result) ? (result.Samples!.Min(), result.Samples!.Max()) : null;

    /// <summary>True when the result has enough samples, all above zero, for intervals.</summary>
    public static bool HasInterval(Measurement result) =>
        result.Samples is { Count: >= MinimumSamples } samples && samples.All(s => s > 0);

    /// <summary>The 95% interval of the result's median, or null without enough samples.</summary>
    public static Interval? MedianInterval(Measurement result) =>
        HasInterval(result)
            ? Medians.GetValue(result, r => new StrongBox<Interval>(Bootstrap.Median(r.Samples!))).Value
            : null;

    // Drawn once per measurement, like the ratios below.
    private static readonly ConditionalWeakTable<Measurement, StrongBox<Interval>> Medians = [];

    /// <summary>
    /// The 95% interval of <paramref name="a"/>'s median over <paramref name="b"/>'s, or null unless both have
    /// intervals. <paramref name="sameRun"/> says both come from one run, whose rounds measured every framework:
    /// with equal sample counts, sample i of each is round i, and the bootstrap pairs them.
    /// </summary>
    public static Interval? RatioInterval(Measurement a, Measurement b, bool sameRun)
    {
        if (!HasInterval(a) || !HasInterval(b))
        {
            return null;
        }

        // A page compares the same pairs many times (tables, rankings, the claim check), and every page of a results
        // snapshot shares its measurements: each pair is drawn once, and forgotten with either measurement (weak
        // keys both ways, so a pair across two runs keeps neither alive).
        var paired = IsPaired(a, b, sameRun);
        return Ratios.GetValue(a, _ => new()).GetValue(b, _ => new())
            .GetOrAdd(paired, p => Bootstrap.Ratio(a.Samples!, b.Samples!, p));
    }

    private static readonly
        ConditionalWeakTable<Measurement, ConditionalWeakTable<Measurement, ConcurrentDictionary<bool, Interval>>>
        Ratios = [];

    /// <summary>True when the two results' samples are paired round by round.</summary>
    public static bool IsPaired(Measurement a, Measurement b, bool sameRun) =>
        sameRun && a.Samples?.Count == b.Samples?.Count;

    /// <summary>
    /// True when both results have intervals and the ratio's interval contains 1: no clear difference. Results
    /// without one are never lumped together this way; equal values are a plain tie instead.
    /// </summary>
    public static bool NoClearDifference(Measurement a, Measurement b, bool sameRun) =>
        RatioInterval(a, b, sameRun) is { } interval && interval.Contains(1);
}
