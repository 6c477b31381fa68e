using ComparisonSite.Figures;
using ComparisonSite.Results.Store;

namespace ComparisonSite.Runs;

/// <summary>
/// Splits what a page would list into numbered parts of at most <see cref="SiteOptions.MeasurementsPerPage"/>
/// measurements each, so no generated page grows with the data: a run of 100,000 measurements is 100 pages of
/// 1,000, each cheap to render, never one page of 100 MB. Units are kept whole and in order (a table's rows for
/// one scenario and metric), so a part is a run of consecutive headings.
/// </summary>
public static class PageParts
{
    /// <summary>
    /// The units in parts: each part holds consecutive units whose sizes add up to at most
    /// <paramref name="budget"/>, except a single unit larger than the budget, which callers split first.
    /// Always at least one part (empty when there are no units).
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<T>> Split<T>(IReadOnlyList<T> units, Func<T, int> size, int budget)
    {
        var parts = new List<IReadOnlyList<T>>();
        var current = new List<T>();
        var used = 0;
        foreach (var unit in units)
        {
            var cost = size(unit);
            if (current.Count > 0 && used + cost > budget)
            {
                parts.Add(current);
                (current, used) = ([], 0);
            }

            current.Add(unit);
            used += cost;
        }

        parts.Add(current);
        return parts;
    }
}

/// <summary>One part's link in a split page's navigation: its number, address and what it covers.</summary>
public sealed record PartLink(int Number, string Href, string Label);

/// <summary>
/// Where a page stands among the parts of a split list: <see cref="Current"/> of <see cref="Parts"/>, with the
/// sentence that says why it is split. A list that fits one page has one part and shows no navigation.
/// </summary>
public sealed record PartNavigation(int Current, IReadOnlyList<PartLink> Parts, string Summary)
{
    public bool IsSplit => Parts.Count > 1;

    public PartLink? Previous => Current > 1 ? Parts[Current - 2] : null;

    public PartLink? Next => Current < Parts.Count ? Parts[Current] : null;

    /// <summary>
    /// The navigation for part <paramref name="current"/> of these parts of a list of <paramref name="count"/>
    /// <paramref name="items"/> ("measurements", "framework rows").
    /// </summary>
    public static PartNavigation For(
        int current, IReadOnlyList<PartLink> parts, int count, string items, int perPage, IFormatProvider culture) =>
        new(current, parts, string.Create(culture,
            $"This list has {count:N0} {items}, more than one page shows ({perPage:N0}). This is part {current} of "
            + $"{parts.Count}; the CSV and JSON downloads of each run hold every measurement."));

    /// <summary>
    /// "JSON endpoint, Requests per second to Database, p99": the first and last scenario and metric a part
    /// covers, by their catalog names (the slug when the catalog has none).
    /// </summary>
    public static string Label(ResultsSnapshot snapshot, SeriesKey first, SeriesKey last)
    {
        var (from, to) = (Name(first), Name(last));
        return from == to ? from : $"{from} to {to}";

        string Name(SeriesKey key) =>
            $"{snapshot.Scenarios.GetValueOrDefault(key.Scenario)?.Name ?? key.Scenario}, "
            + (snapshot.Metrics.GetValueOrDefault(key.Metric)?.Name ?? key.Metric);
    }
}
