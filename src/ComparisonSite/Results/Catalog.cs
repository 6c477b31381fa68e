using System.Text.Json.Serialization;

namespace ComparisonSite.Results;

/// <summary>Which way a metric improves.</summary>
public enum Better
{
    Higher,
    Lower,
}

/// <summary>A framework (or product) that benchmark runs measure.</summary>
public sealed record Framework(
    string Slug, string Name, string? Language, string? Server, string? Version, string? Url);

/// <summary>
/// A workload a run measures, such as "JSON endpoint". <paramref name="Family"/> and <paramref name="Concurrency"/>
/// place it among the levels of one test type ("single-query" at 64 concurrent connections): a scaling chart draws
/// a family's scenarios against their concurrency. Both are left out of JSON when absent, as in a run document.
/// </summary>
public sealed record Scenario(
    string Slug,
    string Name,
    string? Description,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Family = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Concurrency = null);

/// <summary>
/// What is measured and how to show it: unit, decimals, which direction is better, and the words a
/// comparison uses ("faster"/"slower"). Kind separates measurements from editorial ratings and estimates.
/// </summary>
public sealed record Metric(
    string Slug,
    string Name,
    string Unit,
    Better Better,
    int Decimals,
    string Kind,
    string HigherWord,
    string LowerWord)
{
    public const string MeasurementKind = "measurement";
    public const string RatingKind = "rating";
    public const string EstimateKind = "estimate";
}
