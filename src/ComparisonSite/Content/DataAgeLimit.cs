namespace ComparisonSite.Content;

/// <summary>
/// One entry of an article's <c>maxDataAge</c>: the runs of <paramref name="Suite"/> it shows may be at most
/// <paramref name="Days"/> days old (by the run's own date).
/// </summary>
/// <param name="Suite">The suite the limit is for.</param>
/// <param name="Days">The largest age, in days, that needs no notice.</param>
/// <param name="Line">The entry's line in index.md, for the warning <c>check</c> gives when data is older.</param>
public sealed record DataAgeLimit(string Suite, int Days, int Line)
{
    /// <summary>Ten years: a limit beyond that is no limit, and is more likely a typo.</summary>
    public const int LongestDays = 3650;
}
