using ComparisonSite.Results.Store;

namespace ComparisonSite.Figures;

/// <summary>
/// When a difference between two results is only noise. A result has a spread when it carries two or more
/// samples (rounds); its range is the smallest to the largest sample. Two results are within noise of each other
/// when both have a spread and their ranges overlap, touching ends included. A result without a spread is
/// compared as a single value, so pages keep their plain wording for it.
/// </summary>
public static class NoiseRule
{
    /// <summary>True when the result carries at least two samples.</summary>
    public static bool HasSpread(Measurement result) => result.Samples is { Count: >= 2 };

    /// <summary>The smallest and largest sample, or null without a spread.</summary>
    public static (double Min, double Max)? Range(Measurement result) =>
        HasSpread(result) ? (result.Samples!.Min(), result.Samples!.Max()) : null;

    /// <summary>True when both results have a spread and their ranges overlap (touching counts).</summary>
    public static bool Overlaps(Measurement a, Measurement b) =>
        Range(a) is { } x && Range(b) is { } y && x.Min <= y.Max && y.Min <= x.Max;
}
