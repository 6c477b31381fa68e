namespace ComparisonSite.Figures;

/// <summary>A 95% interval: the values between <see cref="Low"/> and <see cref="High"/>, both included.</summary>
public readonly record struct Interval(double Low, double High)
{
    /// <summary>True when <paramref name="value"/> lies inside, ends included.</summary>
    public bool Contains(double value) => Low <= value && value <= High;

    /// <summary>The interval of 1/x: what the interval of A/B says about B/A.</summary>
    public Interval Reciprocal() => new(1 / High, 1 / Low);
}

/// <summary>
/// Percentile bootstrap intervals for a median and for the ratio of two medians. Each call starts the same seeded
/// generator, so a figure depends only on its samples: the same page says the same thing on every request, every
/// machine and every .NET version. The generator is <see cref="SplitMix64"/>, written here rather than
/// <see cref="Random"/>: a seeded <see cref="Random"/> is only reproducible while .NET keeps its legacy algorithm,
/// which the documentation does not promise across versions; SplitMix64 is a few lines and fully specified.
/// </summary>
public static class Bootstrap
{
    /// <summary>How many resamples each interval draws.</summary>
    public const int Resamples = 2_000;

    /// <summary>The seed every interval starts from.</summary>
    public const ulong Seed = 0x5EED_2026_0029UL;

    /// <summary>
    /// The resampled statistics left out at each end of a 95% percentile interval: 2.5% of
    /// <see cref="Resamples"/>. The interval runs from the 51st smallest to the 51st largest of the 2,000.
    /// </summary>
    private const int Tail = Resamples * 25 / 1000;

    /// <summary>The 95% interval of the median of <paramref name="samples"/>.</summary>
    public static Interval Median(IReadOnlyList<double> samples)
    {
        var random = new SplitMix64(Seed);
        var buffer = new double[samples.Count];
        var medians = new double[Resamples];
        for (var r = 0; r < Resamples; r++)
        {
            for (var i = 0; i < buffer.Length; i++)
            {
                buffer[i] = samples[random.Below(samples.Count)];
            }

            medians[r] = MedianInPlace(buffer);
        }

        return Percentiles(medians);
    }

    /// <summary>
    /// The 95% interval of median(<paramref name="a"/>) / median(<paramref name="b"/>). Paired, it resamples round
    /// indices: one draw picks round i for both, so what moved both in a round (a busier machine) cancels out;
    /// the lists must then have the same length. Unpaired, each list is resampled on its own. All samples must be
    /// above zero.
    /// </summary>
    public static Interval Ratio(IReadOnlyList<double> a, IReadOnlyList<double> b, bool paired)
    {
        if (paired && a.Count != b.Count)
        {
            throw new ArgumentException("Paired samples need the same number of rounds.", nameof(b));
        }

        // Unpaired, the two lists take their draws in a fixed order of their own (not the caller's), so that the
        // interval of B/A is exactly the reciprocal of the interval of A/B.
        if (!paired && Compare(a, b) > 0)
        {
            return Ratio(b, a, paired: false).Reciprocal();
        }

        var random = new SplitMix64(Seed);
        var (x, y) = (new double[a.Count], new double[b.Count]);
        var ratios = new double[Resamples];
        for (var r = 0; r < Resamples; r++)
        {
            for (var i = 0; i < x.Length; i++)
            {
                var round = random.Below(a.Count);
                x[i] = a[round];
                if (paired)
                {
                    y[i] = b[round];
                }
            }

            for (var i = 0; !paired && i < y.Length; i++)
            {
                y[i] = b[random.Below(b.Count)];
            }

            ratios[r] = MedianInPlace(x) / MedianInPlace(y);
        }

        return Percentiles(ratios);
    }

    private static Interval Percentiles(double[] statistics)
    {
        Array.Sort(statistics);
        return new Interval(statistics[Tail], statistics[^(Tail + 1)]);
    }

    /// <summary>
    /// The median, as imports compute it (the mean of the middle two for an even count); sorts the values. An
    /// insertion sort: runs have a handful of rounds, where it beats <see cref="Array.Sort(Array)"/>'s set-up, and
    /// this runs 2,000 times per interval.
    /// </summary>
    private static double MedianInPlace(double[] values)
    {
        for (var i = 1; i < values.Length; i++)
        {
            var (value, j) = (values[i], i - 1);
            for (; j >= 0 && values[j] > value; j--)
            {
                values[j + 1] = values[j];
            }

            values[j + 1] = value;
        }

        var middle = values.Length / 2;
        return values.Length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    /// <summary>A total order on sample lists: by length, then element by element.</summary>
    private static int Compare(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        if (a.Count != b.Count)
        {
            return a.Count.CompareTo(b.Count);
        }

        for (var i = 0; i < a.Count; i++)
        {
            if (a[i].CompareTo(b[i]) is var order and not 0)
            {
                return order;
            }
        }

        return 0;
    }

    /// <summary>
    /// SplitMix64 (Steele, Lea and Flood, 2014; the seeding generator of Java's SplittableRandom and of
    /// xoshiro): 64-bit state, one addition and three xor-shift-multiply steps per number.
    /// </summary>
    internal struct SplitMix64(ulong seed)
    {
        private ulong _state = seed;

        public ulong Next()
        {
            var z = _state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }

        /// <summary>
        /// A whole number from 0 to <paramref name="count"/> − 1: the top 32 bits scaled by multiplication
        /// (Lemire); its bias, below count / 2^32, is nothing for a few dozen rounds.
        /// </summary>
        public int Below(int count) => (int)(((Next() >> 32) * (ulong)count) >> 32);
    }
}
