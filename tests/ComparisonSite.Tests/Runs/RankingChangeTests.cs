using ComparisonSite.Results;
using ComparisonSite.Runs;

namespace ComparisonSite.Tests.Runs;

/// <summary>
/// The ranking sentence, worked out from two runs' values: runs are written "Name=value,Name=value" (requests per
/// second, higher is better, unless the latency metric is named).
/// </summary>
public sealed class RankingChangeTests
{
    private static readonly Metric Rps =
        new("rps", "Requests per second", "req/s", Better.Higher, 0, Metric.MeasurementKind, "faster", "slower");

    private static readonly Metric P99 =
        new("p99", "P99 latency", "ms", Better.Lower, 0, Metric.MeasurementKind, "higher", "lower");

    [Theory]
    [InlineData("A=3,B=2,C=1", "A=30,B=20,C=10", "The order is unchanged: A, B, C.")]
    [InlineData("A=3", "A=4", "A is the only framework in both runs.")]
    [InlineData("FastAPI=9,Django=1,Flask=2", "FastAPI=9,Django=3,Flask=2",
        "FastAPI stays first; Django and Flask swap places.")]
    [InlineData("FastAPI=9,Flask=2,Django=1", "FastAPI=9,Django (ASGI)=5,Flask=2,Django=1",
        "FastAPI stays first; Django (ASGI) is new, in second place; Flask drops from second to third; "
        + "Django drops from third to fourth.")]
    [InlineData("A=3,B=2,C=1", "A=3,C=2", "A stays first; C moves up from third to second; "
        + "B is not in the later run (it was second).")]
    [InlineData("A=3,B=2,C=1", "C=3,A=2,B=1", "C moves up from third to first; A drops from first to second; "
        + "B drops from second to third.")]
    [InlineData("A=3,B=2", "A=2,B=2", "A goes from first to joint first; B moves up from second to joint first.")]
    [InlineData("A=2,B=2", "A=2,B=2", "The order is unchanged: A (joint first), B (joint first).")]
    [InlineData("A=1", "B=1", "B is new, in first place; A is not in the later run (it was first).")]
    public void The_sentence_says_who_stays_swaps_moves_arrives_and_leaves(
        string earlier, string later, string expected) =>
        Assert.Equal(expected, RankingChange.Describe(Values(earlier), Values(later), Rps));

    [Fact]
    public void Lower_is_better_for_latency()
    {
        var sentence = RankingChange.Describe(Values("A=10,B=20"), Values("A=30,B=20"), P99);

        Assert.Equal("B and A swap places.", sentence);
    }

    [Fact]
    public void Places_past_the_tenth_are_written_as_numbers()
    {
        var earlier = string.Join(',', Enumerable.Range(1, 12).Select(i => $"F{i}={100 - i}"));
        var later = string.Join(',', Enumerable.Range(1, 12).Where(i => i != 11).Select(i => $"F{i}={100 - i}"));

        var sentence = RankingChange.Describe(Values(earlier), Values(later), Rps);

        Assert.EndsWith(
            "F10 stays tenth; F12 moves up from 12th to 11th; F11 is not in the later run (it was 11th).",
            sentence,
            StringComparison.Ordinal);
    }

    private static List<RankedValue> Values(string text) =>
        [.. text.Split(',').Select(p => p.Split('=')).Select(p =>
            new RankedValue(p[0], double.Parse(p[1], CultureInfo.InvariantCulture)))];
}
