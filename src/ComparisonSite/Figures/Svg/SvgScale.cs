namespace ComparisonSite.Figures.Svg;

/// <summary>
/// A value axis from zero to a round number above the largest value, with ticks at steps of 1, 2, 2.5 or 5 times a
/// power of ten ("nice" ticks), so the axis reads like one a person would draw.
/// </summary>
internal sealed record SvgScale(double Max, double Step, int Decimals)
{
    /// <summary>The scale for values up to <paramref name="largest"/>, with about <paramref name="ticks"/> steps.
    /// </summary>
    public static SvgScale For(double largest, int ticks = 5)
    {
        if (!(largest > 0) || double.IsInfinity(largest))
        {
            return new SvgScale(1, 0.2, 1);
        }

        var rough = largest / ticks;
        var power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var fraction = rough / power;
        var nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
        var step = nice * power;
        var max = Math.Ceiling(largest / step - 1e-9) * step;
        // Enough decimals to tell the ticks apart: 0.25 needs two, 250 none.
        var decimals = 0;
        while (decimals < 6 && Math.Abs(Math.Round(step, decimals) - step) > step * 1e-9)
        {
            decimals++;
        }

        return new SvgScale(max, step, decimals);
    }

    /// <summary>The tick values from zero to <see cref="Max"/>.</summary>
    public IEnumerable<double> Ticks()
    {
        var count = (int)Math.Round(Max / Step);
        for (var i = 0; i <= count; i++)
        {
            yield return Math.Round(i * Step, Decimals);
        }
    }

    /// <summary>Where <paramref name="value"/> falls between <paramref name="from"/> (zero) and
    /// <paramref name="to"/> (<see cref="Max"/>).</summary>
    public double Position(double value, double from, double to) => from + ((to - from) * value / Max);
}
