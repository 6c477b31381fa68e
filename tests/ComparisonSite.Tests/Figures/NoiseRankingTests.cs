using ComparisonSite.Figures;
using ComparisonSite.Results;
using ComparisonSite.Results.Store;

namespace ComparisonSite.Tests.Figures;

/// <summary>
/// The groups every noise-aware wording is built from. Results are written "name=value[min..max]" (a spread of two
/// samples at the range's ends), "name=value[x]" (one sample) or "name=value" (none); groups come back as
/// "a b | c" with "~" after a group tied only by noise.
/// </summary>
public sealed class NoiseRankingTests
{
    private static readonly Metric Rps =
        new("rps", "Requests per second", "req/s", Better.Higher, 0, Metric.MeasurementKind, "faster", "slower");
    private static readonly Metric P99 =
        new("p99", "P99 latency", "ms", Better.Lower, 0, Metric.MeasurementKind, "higher", "lower");

    [Theory]
    [InlineData("rps", "a=110[105..115] b=100[95..104]", "a | b")]
    [InlineData("rps", "a=110[105..115] b=100[95..105]", "a b ~")]
    [InlineData("rps", "b=100[95..105] a=110[105..115]", "a b ~")]
    [InlineData("rps", "a=110[110] b=100[100]", "a | b")]
    [InlineData("rps", "a=110 b=110 c=50", "a b | c")]
    [InlineData("rps", "a=100[90..95] b=100[105..110]", "a b")]
    [InlineData("rps", "a=110[100..120] b=105", "a | b")]
    [InlineData("rps", "a=100[95..105] b=90[85..96] c=80[75..86]", "a b ~ | c")]
    [InlineData("rps", "a=100[90..110] b=98[88..108] c=97[85..105]", "a b c ~")]
    [InlineData("rps", "a=100[99..101] b=95[80..99] c=96[96..96]", "a b ~ | c")]
    [InlineData("p99", "a=240[236..251] b=230[226..238] c=320[315..331]", "b a ~ | c")]
    [InlineData("p99", "a=14 b=98 c=52", "a | c | b")]
    public void Groups_lead_with_the_best_value_and_take_what_is_equal_or_within_noise_of_it(
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
            : [.. rest[(bracket + 1)..^1].Split("..").Select(s => double.Parse(s, CultureInfo.InvariantCulture))];
        return new Measurement(name, "s", "m", value, samples);
    }
}
