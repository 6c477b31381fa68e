using System.Globalization;
using ComparisonSite.Results.Store;

namespace ComparisonSite.Results.Import;

/// <summary>
/// The catalog (frameworks, scenarios, metrics) is shared by every suite: a run of one suite that redeclares
/// <c>django</c> under another name renames it on every page. So each declared entry is compared with the stored
/// one, field by field, and every difference is a problem naming the entry, the field, the old and the new value,
/// unless the import is told to update the catalog. Declaring an entry exactly as stored changes nothing.
/// </summary>
internal static class CatalogChanges
{
    public static IEnumerable<ImportProblem> Find(CatalogUse use, StoredCatalog catalog) =>
        Compare("frameworks", "framework", use.Frameworks, f => f.Slug, catalog.Frameworks, FrameworkFields)
            .Concat(Compare("scenarios", "scenario", use.Scenarios, s => s.Slug, catalog.Scenarios, ScenarioFields))
            .Concat(Compare("metrics", "metric", use.Metrics, m => m.Slug, catalog.Metrics, MetricFields));

    private static Field[] FrameworkFields(Framework stored, Framework declared) =>
    [
        new("name", stored.Name, declared.Name),
        new("language", stored.Language, declared.Language),
        new("server", stored.Server, declared.Server),
        new("version", stored.Version, declared.Version),
        new("url", stored.Url, declared.Url),
    ];

    private static Field[] ScenarioFields(Scenario stored, Scenario declared) =>
    [
        new("name", stored.Name, declared.Name),
        new("description", stored.Description, declared.Description),
        new("family", stored.Family, declared.Family),
        new("concurrency", Number(stored.Concurrency), Number(declared.Concurrency)),
    ];

    private static Field[] MetricFields(Metric stored, Metric declared) =>
    [
        new("name", stored.Name, declared.Name),
        new("unit", stored.Unit, declared.Unit),
        new("better", Direction(stored.Better), Direction(declared.Better)),
        new("decimals", Number(stored.Decimals), Number(declared.Decimals)),
        new("kind", stored.Kind, declared.Kind),
        new("higherWord", stored.HigherWord, declared.HigherWord),
        new("lowerWord", stored.LowerWord, declared.LowerWord),
    ];

    /// <summary>Each declared entry that the store already holds, field by field against the stored one.</summary>
    private static IEnumerable<ImportProblem> Compare<TEntry>(
        string list,
        string kind,
        IReadOnlyList<TEntry> declared,
        Func<TEntry, string> slugOf,
        IReadOnlyDictionary<string, TEntry> stored,
        Func<TEntry, TEntry, Field[]> fields)
        where TEntry : class =>
        declared
            .Select((entry, index) => (Entry: entry, Index: index, Stored: stored.GetValueOrDefault(slugOf(entry))))
            .Where(e => e.Stored is not null)
            .SelectMany(e => Differences(list, e.Index, kind, slugOf(e.Entry), fields(e.Stored!, e.Entry)));

    private static IEnumerable<ImportProblem> Differences(
        string list,
        int index,
        string kind,
        string slug,
        IEnumerable<Field> fields) =>
        fields
            .Where(f => !string.Equals(f.Old, f.New, StringComparison.Ordinal))
            .Select(f => new ImportProblem(
                $"$.{list}[{index}].{f.Name}",
                $"would change the {f.Name} of {kind} \"{slug}\" from {Show(f.Old)} to {Show(f.New)} on every page "
                + "that shows it (the catalog is shared by all suites); declare it as stored, or import with "
                + "--update-catalog to change it"));

    private static string Show(string? value) =>
        value is null ? "(none)" : $"\"{FieldRules.Escape(Identifiers.Shorten(value, 80))}\"";

    private static string Direction(Better better) => better == Better.Higher ? "higher" : "lower";

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string? Number(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    /// <summary>One field of a catalog entry: its name in the run document, as stored and as declared.</summary>
    private sealed record Field(string Name, string? Old, string? New);
}
