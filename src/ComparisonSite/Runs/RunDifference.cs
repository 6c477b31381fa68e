using ComparisonSite.Figures;
using ComparisonSite.Results;
using ComparisonSite.Results.Store;

namespace ComparisonSite.Runs;

/// <summary>
/// Everything that changed from one run of a suite to another, worked out from the snapshot and worded for the
/// page: per scenario and metric each framework's two values, the change in % with the metric's direction word,
/// whether the change is clear (<see cref="NoiseRule"/>), and how the ranking moved; frameworks,
/// scenarios and metrics that only one run has. <see cref="Scenarios"/> holds one part of the page
/// (<see cref="PageParts"/>): at most the page budget of framework rows.
/// </summary>
public sealed record RunDifference(
    RunPair Pair,
    IReadOnlyList<string> AddedFrameworks,
    IReadOnlyList<string> MissingFrameworks,
    IReadOnlyList<string> ScenariosOnlyEarlier,
    IReadOnlyList<string> ScenariosOnlyLater,
    IReadOnlyList<string> MetricsOnlyEarlier,
    IReadOnlyList<string> MetricsOnlyLater,
    IReadOnlyList<ScenarioDifference> Scenarios,
    PartNavigation Parts)
{
    /// <summary>
    /// Part <paramref name="part"/> of the difference (null when there is no such part), at most
    /// <paramref name="perPage"/> framework rows. Indexes each run once, so a part costs the same at 100,000
    /// measurements a run as the first.
    /// </summary>
    public static RunDifference? Between(
        RunPair pair, ResultsSnapshot snapshot, FigureFormatter formatter, string page, int part, int perPage)
    {
        var (earlier, later) = (pair.Earlier.Measurements, pair.Later.Measurements);
        string FrameworkName(string slug) => snapshot.Frameworks.GetValueOrDefault(slug)?.Name ?? slug;
        string ScenarioName(string slug) => snapshot.Scenarios.GetValueOrDefault(slug)?.Name ?? slug;
        string MetricName(string slug) => snapshot.Metrics.GetValueOrDefault(slug)?.Name ?? slug;

        // Scenarios and their metrics in the order they first appear, the later run's first.
        var earlierBySeries = earlier.ToLookup(m => (m.Scenario, m.Metric));
        var laterBySeries = later.ToLookup(m => (m.Scenario, m.Metric));
        var series = later.Concat(earlier)
            .Select(m => (m.Scenario, m.Metric))
            .Distinct()
            .Where(k => snapshot.Metrics.ContainsKey(k.Metric))
            .GroupBy(k => k.Scenario, StringComparer.Ordinal)
            .SelectMany(g => g)
            .SelectMany(k =>
            {
                var rows = laterBySeries[k].Concat(earlierBySeries[k]).Select(m => m.Framework)
                    .Distinct(StringComparer.Ordinal).Count();
                // A table longer than a page continues on the next: its rows in page-sized slices.
                return Enumerable.Range(0, Math.Max(1, (rows + perPage - 1) / perPage))
                    .Select(slice => new DifferenceUnit(
                        k.Scenario, k.Metric, slice, Math.Min(perPage, rows - (slice * perPage))));
            })
            .ToList();
        var parts = PageParts.Split(series, u => u.Rows, perPage);
        if (part < 1 || part > parts.Count)
        {
            return null;
        }

        var scenarios = parts[part - 1]
            .GroupBy(u => u.Scenario, StringComparer.Ordinal)
            .Select(g => new ScenarioDifference(
                snapshot.Scenarios.GetValueOrDefault(g.Key) ?? new Scenario(g.Key, g.Key, null),
                [.. g.Select(u => MetricDifference.Between(
                    earlierBySeries[(u.Scenario, u.Metric)],
                    laterBySeries[(u.Scenario, u.Metric)],
                    u.Scenario,
                    snapshot.Metrics[u.Metric],
                    FrameworkName,
                    formatter,
                    u.Slice * perPage,
                    perPage))]))
            .ToList();
        var links = parts.Select((p, i) => new PartLink(
            i + 1,
            SiteAddresses.Part(page, i + 1),
            PartNavigation.Label(
                snapshot, new SeriesKey(p[0].Scenario, p[0].Metric), new SeriesKey(p[^1].Scenario, p[^1].Metric))));

        return new RunDifference(
            pair,
            OnlyIn(later, earlier, m => m.Framework, FrameworkName),
            OnlyIn(earlier, later, m => m.Framework, FrameworkName),
            OnlyIn(earlier, later, m => m.Scenario, ScenarioName),
            OnlyIn(later, earlier, m => m.Scenario, ScenarioName),
            OnlyIn(earlier, later, m => m.Metric, MetricName),
            OnlyIn(later, earlier, m => m.Metric, MetricName),
            scenarios,
            PartNavigation.For(
                part, [.. links], series.Sum(u => u.Rows), "framework rows", perPage, formatter.Culture));
    }

    /// <summary>The names of what <paramref name="these"/> measure and <paramref name="others"/> do not.</summary>
    private static List<string> OnlyIn(
        IReadOnlyList<Measurement> these,
        IReadOnlyList<Measurement> others,
        Func<Measurement, string> slug,
        Func<string, string> name)
    {
        var known = others.Select(slug).ToHashSet(StringComparer.Ordinal);
        return [.. these.Select(slug).Distinct(StringComparer.Ordinal).Where(s => !known.Contains(s)).Select(name)];
    }

    /// <summary>One scenario and metric's table on a part, or one slice of its rows when it is longer than a page.
    /// </summary>
    private sealed record DifferenceUnit(string Scenario, string Metric, int Slice, int Rows);
}

/// <summary>One scenario's metrics in the difference.</summary>
public sealed record ScenarioDifference(Scenario Scenario, IReadOnlyList<MetricDifference> Metrics);

/// <summary>
/// One scenario and metric: a row per framework either run measured, best of the later run first, and the ranking
/// sentence when both runs measured it. A table longer than a page is shown in slices; <see cref="FirstRow"/> is
/// where this slice starts (0 for the whole table or its first slice).
/// </summary>
public sealed record MetricDifference(
    string Scenario, Metric Metric, string Ranking, IReadOnlyList<FrameworkDifference> Frameworks, int FirstRow = 0)
{
    /// <summary>The heading's id: unique per scenario and metric, and never starting with a digit.</summary>
    public string Anchor => $"change-{Scenario}-{Metric.Slug}";

    internal static MetricDifference Between(
        IEnumerable<Measurement> earlierValues,
        IEnumerable<Measurement> laterValues,
        string scenario,
        Metric metric,
        Func<string, string> frameworkName,
        FigureFormatter formatter,
        int firstRow,
        int rowCount)
    {
        List<Measurement> Of(IEnumerable<Measurement> values) =>
            [.. values.OrderBy(m => metric.Better == Better.Higher ? -m.Value : m.Value)];

        var (earlier, later) = (Of(earlierValues), Of(laterValues));
        var earlierByFramework = earlier.ToDictionary(m => m.Framework, StringComparer.Ordinal);
        var laterByFramework = later.ToDictionary(m => m.Framework, StringComparer.Ordinal);
        var frameworks = later.Concat(earlier).Select(m => m.Framework).Distinct(StringComparer.Ordinal);
        var rows = frameworks.Skip(firstRow).Take(rowCount).Select(f => FrameworkDifference.Between(
            frameworkName(f),
            earlierByFramework.GetValueOrDefault(f),
            laterByFramework.GetValueOrDefault(f),
            metric,
            formatter));
        var ranking = earlier.Count == 0 ? "Only the later run measures this."
            : later.Count == 0 ? "Only the earlier run measures this."
            : RankingChange.Describe(Ranked(earlier), Ranked(later), metric);
        return new MetricDifference(scenario, metric, ranking, [.. rows], firstRow);

        List<RankedValue> Ranked(List<Measurement> values) =>
            [.. values.Select(m => new RankedValue(frameworkName(m.Framework), m.Value))];
    }
}

/// <summary>Which way a framework's value moved, judged by the metric's better direction.</summary>
public enum ChangeDirection
{
    Better,
    Worse,
    Unchanged,
    NotComparable,
}

/// <summary>
/// Whether a change is clear (<see cref="NoiseRule"/>): the 95% interval of later / earlier, by bootstrap with each
/// run resampled on its own (two runs' rounds are not paired), does or does not contain 1.
/// </summary>
public enum NoiseVerdict
{
    /// <summary>Both results have intervals and the ratio's excludes 1.</summary>
    ClearDifference,

    /// <summary>Both results have intervals and the ratio's contains 1 (an end at 1 included).</summary>
    NoClearDifference,

    /// <summary>One result or both has fewer samples than <see cref="NoiseRule.MinimumSamples"/>.</summary>
    TooFewSamples,

    /// <summary>Only one run measured the framework here.</summary>
    OneRunOnly,
}

/// <summary>A value as shown: with its unit, and its min–max range when it has a spread.</summary>
public sealed record ShownValue(string Value, string? Range);

/// <summary>One framework's row: both values, the change in words, and the noise verdict.</summary>
public sealed record FrameworkDifference(
    string Framework,
    ShownValue? Earlier,
    ShownValue? Later,
    string Change,
    ChangeDirection Direction,
    NoiseVerdict Noise)
{
    /// <summary>The verdict in the page's words.</summary>
    public string NoiseText => Noise switch
    {
        NoiseVerdict.ClearDifference => "clear difference",
        NoiseVerdict.NoClearDifference => "no clear difference",
        NoiseVerdict.TooFewSamples => "too few samples to compare",
        _ => "—",
    };

    internal static FrameworkDifference Between(
        string framework, Measurement? earlier, Measurement? later, Metric metric, FigureFormatter formatter)
    {
        ShownValue? Shown(Measurement? m) => m is null ? null : new ShownValue(
            formatter.Value(m.Value, metric),
            NoiseRule.Range(m) is { } r
                ? $"{formatter.Number(r.Min, metric)}–{formatter.Number(r.Max, metric)}"
                : null);

        if (earlier is null || later is null)
        {
            var change = earlier is null ? "new in the later run" : "not in the later run";
            return new(framework, Shown(earlier), Shown(later), change, ChangeDirection.NotComparable,
                NoiseVerdict.OneRunOnly);
        }

        var noise = NoiseRule.RatioInterval(later, earlier, sameRun: false) switch
        {
            null => NoiseVerdict.TooFewSamples,
            { } interval when interval.Contains(1) => NoiseVerdict.NoClearDifference,
            _ => NoiseVerdict.ClearDifference,
        };
        // A change from zero has no percentage; it is shown as the two values alone.
        var (text, direction) = earlier.Value == later.Value ? ("unchanged", ChangeDirection.Unchanged)
            : earlier.Value == 0 ? ("from zero", ChangeDirection.NotComparable)
            : (formatter.Percent(later.Value, earlier.Value, metric),
                FigureFormatter.IsBetter(later.Value, earlier.Value, metric)
                    ? ChangeDirection.Better
                    : ChangeDirection.Worse);
        return new(framework, Shown(earlier), Shown(later), text, direction, noise);
    }
}
