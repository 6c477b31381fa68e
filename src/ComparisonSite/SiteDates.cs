using System.Globalization;

namespace ComparisonSite;

/// <summary>
/// How the site writes a date, defined once: "March 31, 2026" for readers (in the site's culture) and ISO 8601
/// for machines (a <c>&lt;time datetime&gt;</c>, JSON-LD, downloads). An instant is shown as its day in UTC, the
/// same day for every reader.
/// </summary>
public static class SiteDates
{
    /// <summary>The reader's form, as a .NET format string.</summary>
    public const string DisplayFormat = "MMMM d, yyyy";

    /// <summary>"March 31, 2026", month names in <paramref name="culture"/>.</summary>
    public static string Display(DateOnly date, CultureInfo culture) => date.ToString(DisplayFormat, culture);

    /// <summary>The instant's day in UTC, in the reader's form.</summary>
    public static string Display(DateTimeOffset instant, CultureInfo culture) => Display(Day(instant), culture);

    /// <summary>"2026-03-31".</summary>
    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>"2026-03-31T09:15:00Z": the instant in UTC, to the second.</summary>
    public static string Iso(DateTimeOffset instant) =>
        instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>The instant's day in UTC.</summary>
    public static DateOnly Day(DateTimeOffset instant) => DateOnly.FromDateTime(instant.UtcDateTime);
}
