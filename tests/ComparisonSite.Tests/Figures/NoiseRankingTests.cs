using ComparisonSite.Figures;
using ComparisonSite.Results;
using ComparisonSite.Results.Store;

namespace ComparisonSite.Tests.Figures;

/// <summary>
/// The groups every noise-aware wording is built from. Results are written "name=value[s1,s2,s3]" (samples in round
/// order, paired round by round since a ranking is of one run), "name=value[x]" (one sample) or "name=value" (none);
/// groups come back as "a b | c" with "~" after a group tied only by there being no clear difference. Each
/// expectation was worked out by hand (with samples monotonic in round order, a paired resample's medians fall on
/// the same round, so the ratio's interval runs over the per-round ratios) and checked against a separate Python
/// implementation of the bootstrap.
/// </summary>
public sealed class NoiseRankingTests
{
    private static readonly Metric Rps =
        new("rps", "Requests per second", "req/s", Better.Higher, 0, Metric.MeasurementKind, "faster", "slower");
    private static readonly Metric P99 =
        new("p99", "P99 latency", "ms", Better.Lower, 0, Metric.MeasurementKind, "higher", "lower");

    [Theory]
    // Per-round ratios 1.105, 1.1, 1.106: clearly apart.
    [InlineData("rps", "a=110[105,110,115] b=100[95,100,104]", "a | b")]
    // Per-round ratios 1.0, 1.1, 1.21: the interval's end touches 1, so no clear difference, in either input order.
    [InlineData("rps", "a=110[105,110,115] b=100[105,100,95]", "a b ~")]
    [InlineData("rps", "b=100[105,100,95] a=110[105,110,115]", "a b ~")]
    // Too few samples for an interval: compared as single values.
    [InlineData("rps", "a=110[110] b=100[100]", "a | b")]
    [InlineData("rps", "a=110[105,115] b=100[95,105]", "a | b")]
    [InlineData("rps", "a=110 b=110 c=50", "a b | c")]
    // Equal values are a plain tie, whatever their samples.
    [InlineData("rps", "a=100[98,100,102] b=100[110,100,90]", "a b")]
    [InlineData("rps", "a=110[100,110,120] b=105", "a | b")]
    // Not chained: b is unclear against a and c, but c is clearly behind a, so c starts the next group.
    [InlineData("rps", "a=100[95,100,105] b=90[96,90,85] c=80[86,80,75]", "a b ~ | c")]
    [InlineData("rps", "a=100[90,100,110] b=98[108,98,88] c=97[105,97,85]", "a b c ~")]
    [InlineData("p99", "a=240[236,240,251] b=230[238,230,226] c=320[315,320,331]", "b a ~ | c")]
    [InlineData("p99", "a=14 b=98 c=52", "a | c | b")]
    // Drift: both rose 60% over the rounds, a stayed 1.25x b in every round. The min–max ranges overlap (the old
    // rule said "within noise"); pairing rounds cancels the drift and tells them apart.
    [InlineData("rps", "a=162.5[125,162.5,200] b=130[100,130,160]", "a | b")]
    public void Groups_lead_with_the_best_value_and_take_what_is_equal_or_not_clearly_different(
        string metric, string results, string expected)
    {
        var groups = NoiseRanking.Rank(results.Split(' ').Select(Parse), metric == "rps" ? Rps : P99);

        Assert.Equal(
            expected,
            string.Join(" | ", groups.Select(g =>
                string.Join(' ', g.Members.Select(m => m.Framework)) + (g.WithinNoise ? " ~" : ""))));
    }

    private static Measurement Parse(string text)
    {
        var (name, rest) = (text[..text.IndexOf('=')], text[(text.IndexOf('=') + 1)..]);
        var bracket = rest.IndexOf('[');
        var value = double.Parse(bracket < 0 ? rest : rest[..bracket], CultureInfo.InvariantCulture);
        IReadOnlyList<double>? samples = bracket < 0
            ? null
            : [.. rest[(bracket + 1)..^1].Split(',').Select(s => double.Parse(s, CultureInfo.InvariantCulture))];
        return new Measurement(name, "s", "m", value, samples);
    }
}
