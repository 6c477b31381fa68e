using ComparisonSite.Figures;

namespace ComparisonSite.Tests.Figures;

/// <summary>
/// The bootstrap behind every interval (Figures/Bootstrap.cs), checked on cases small enough to reason out by hand.
/// With 3 samples a resample's median is the smallest sample in 7 of 27 equally likely cases (two or three draws of
/// it), about 26%: far more than the 2.5% each end of a 95% interval leaves out, so each end of the interval falls
/// on an extreme, whatever the random draws.
/// </summary>
public sealed class BootstrapTests
{
    [Fact]
    public void With_three_samples_the_medians_interval_is_the_smallest_to_the_largest()
    {
        Assert.Equal(new Interval(4, 6), Bootstrap.Median([6, 4, 5]));
    }

    [Fact]
    public void Unpaired_the_ratios_interval_runs_from_the_smallest_over_the_largest_to_the_largest_over_the_smallest()
    {
        // Ratio 10/3 needs A's median at 10 and B's at 3: (7/27)² ≈ 6.7% of resamples, above 2.5%; so for 30/1.
        var interval = Bootstrap.Ratio([10, 20, 30], [1, 2, 3], paired: false);

        Assert.Equal(10.0 / 3, interval.Low, 12);
        Assert.Equal(30.0, interval.High, 12);
    }

    [Fact]
    public void Paired_a_constant_ratio_in_every_round_is_the_whole_interval_while_unpaired_the_drift_widens_it()
    {
        // Both doubled over three rounds (the machine got quieter); A is 2x B in every round.
        double[] a = [200, 260, 320];
        double[] b = [100, 130, 160];

        Assert.Equal(new Interval(2, 2), Bootstrap.Ratio(a, b, paired: true));
        // Unpaired the rounds mix: 200/160 to 320/100, as in the unpaired case above.
        var unpaired = Bootstrap.Ratio(a, b, paired: false);
        Assert.Equal(1.25, unpaired.Low, 12);
        Assert.Equal(3.2, unpaired.High, 12);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void The_interval_of_b_over_a_is_the_reciprocal_of_a_over_b_and_every_call_gives_the_same(bool paired)
    {
        double[] a = [3807.1, 2993.5, 4317.3, 4650.2, 4388.9];
        double[] b = [1362.9, 1431.6, 1685.5, 1746.1, 1780.6];

        var forward = Bootstrap.Ratio(a, b, paired);
        var backward = Bootstrap.Ratio(b, a, paired);

        Assert.Equal(forward.Low, 1 / backward.High, 12);
        Assert.Equal(forward.High, 1 / backward.Low, 12);
        Assert.Equal(forward, Bootstrap.Ratio(a, b, paired));
        Assert.True(forward.Low < 4317.3 / 1685.5 && 4317.3 / 1685.5 < forward.High);
    }

    [Fact]
    public void The_generator_is_splitmix64_as_published_so_intervals_do_not_change_with_the_runtime()
    {
        // The reference outputs for seed 1234567 (Vigna's splitmix64.c; also the test vectors of Rust's
        // rand_xoshiro), and the same five from a separate Python version of the site's generator.
        var random = new Bootstrap.SplitMix64(1234567);

        Assert.Equal(
            [6457827717110365317UL, 3203168211198807973UL, 9817491932198370423UL, 4593380528125082431UL,
                16408922859458223821UL],
            Enumerable.Range(0, 5).Select(_ => random.Next()));
    }

    [Fact]
    public void Paired_needs_the_same_number_of_rounds() =>
        Assert.Throws<ArgumentException>(() => Bootstrap.Ratio([1, 2, 3], [1, 2, 3, 4], paired: true));
}
