using System.Globalization;

namespace ComparisonSite.Figures.Claims;

/// <summary>
/// A performance claim of the source, written as data so that our measurement can check it: either
/// <paramref name="Framework"/> is the best of the article's frameworks on <paramref name="Series"/>
/// (<paramref name="Behind"/> null), or it is better than <paramref name="Behind"/> there, optionally by a ratio
/// within <paramref name="By"/>. "Better" follows the metric: more requests per second, less memory.
/// </summary>
/// <param name="Says">The claim in words, as the page shows it ("FastAPI starts fastest").</param>
/// <param name="Series">The scenario and metric the claim is about.</param>
/// <param name="Framework">The framework the claim puts ahead.</param>
/// <param name="Behind">The framework it is ahead of, or null for "ahead of all the article's frameworks".</param>
/// <param name="By">How many times better the claim says it is, or null when it gives no size.</param>
/// <param name="Line">The line of index.md the claim starts on (0 for a claim read from the source's run).</param>
public sealed record SourceClaim(
    string Says, SeriesKey Series, string Framework, string? Behind, ClaimRange? By, int Line)
{
    /// <summary>True for a claim that the framework leads the metric, not only one other framework.</summary>
    public bool IsBest => Behind is null;

    /// <summary>
    /// The claim's anchor on the page, made from what it claims ("claim-fastapi-best-idle-cold-start",
    /// "claim-fastapi-django-json-rps"), so a link to it survives rewording.
    /// </summary>
    public string Anchor => $"claim-{Framework}-{Behind ?? "best"}-{Series.Scenario}-{Series.Metric}";
}

/// <summary>"7–8x" (a range) or "3x" (one value): how many times better a claim says a framework is.</summary>
public readonly record struct ClaimRange(double Low, double High)
{
    /// <summary>
    /// Reads "7-8", "7–8" or "3" (an optional trailing "x"); null with a message for anything else, including a
    /// range whose ends are out of order or a ratio not above 1 (a claim that one is better by 0.5x is no claim).
    /// </summary>
    public static ClaimRange? Parse(string text, out string? error)
    {
        var parts = text.Trim().TrimEnd('x', 'X').Split(['-', '\u2013'], 2);
        var numbers = parts.Select(p => double.TryParse(
            p.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n) ? n : (double?)null)
            .ToList();
        if (numbers.Any(n => n is null or <= 1 or > 1_000))
        {
            error = $"'by' must be a ratio above 1 such as 3 or a range such as 7-8, not '{Identifiers.Shorten(text)}'";
            return null;
        }

        var (low, high) = (numbers[0]!.Value, numbers[^1]!.Value);
        if (low > high)
        {
            error = $"'by' range '{Identifiers.Shorten(text)}' must run from the smaller ratio to the larger";
            return null;
        }

        error = null;
        return new ClaimRange(low, high);
    }

    /// <summary>True when the interval of a measured ratio reaches into the claimed range.</summary>
    public bool Overlaps(Interval interval) => interval.Low <= High && Low <= interval.High;
}
