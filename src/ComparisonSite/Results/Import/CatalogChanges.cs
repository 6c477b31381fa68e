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
    public static IEnumerable<ImportProblem> Find(RunDocument document, StoredCatalog catalog)
    {
        foreach (var (framework, index) in document.Frameworks.Select((f, i) => (f, i)))
        {
            if (catalog.Frameworks.GetValueOrDefault(framework.Slug) is { } stored)
            {
                var fields = new (string, string?, string?)[]
                {
                    ("name", stored.Name, framework.Name),
                    ("language", stored.Language, framework.Language),
                    ("server", stored.Server, framework.Server),
                    ("version", stored.Version, framework.Version),
                    ("url", stored.Url, framework.Url),
                };
                foreach (var problem in Differences("frameworks", index, "framework", framework.Slug, fields))
                {
                    yield return problem;
                }
            }
        }

        foreach (var (scenario, index) in document.Scenarios.Select((s, i) => (s, i)))
        {
            if (catalog.Scenarios.GetValueOrDefault(scenario.Slug) is { } stored)
            {
                var fields = new (string, string?, string?)[]
                {
                    ("name", stored.Name, scenario.Name),
                    ("description", stored.Description, scenario.Description),
                };
                foreach (var problem in Differences("scenarios", index, "scenario", scenario.Slug, fields))
                {
                    yield return problem;
                }
            }
        }

        foreach (var (metric, index) in document.Metrics.Select((m, i) => (m, i)))
        {
            if (catalog.Metrics.GetValueOrDefault(metric.Slug) is { } stored)
            {
                var fields = new (string, string?, string?)[]
                {
                    ("name", stored.Name, metric.Name),
                    ("unit", stored.Unit, metric.Unit),
                    ("better", Direction(stored.Better), Direction(metric.Better)),
                    ("decimals", Number(stored.Decimals), Number(metric.Decimals)),
                    ("kind", stored.Kind, metric.Kind),
                    ("higherWord", stored.HigherWord, metric.HigherWord),
                    ("lowerWord", stored.LowerWord, metric.LowerWord),
                };
                foreach (var problem in Differences("metrics", index, "metric", metric.Slug, fields))
                {
                    yield return problem;
                }
            }
        }
    }

    private static IEnumerable<ImportProblem> Differences(
        string list,
        int index,
        string kind,
        string slug,
        IEnumerable<(string Field, string? Old, string? New)> fields) =>
        fields
            .Where(f => !string.Equals(f.Old, f.New, StringComparison.Ordinal))
            .Select(f => new ImportProblem(
                $"$.{list}[{index}].{f.Field}",
                $"would change the {f.Field} of {kind} \"{slug}\" from {Show(f.Old)} to {Show(f.New)} on every page "
                + "that shows it (the catalog is shared by all suites); declare it as stored, or import with "
                + "--update-catalog to change it"));

    private static string Show(string? value) =>
        value is null ? "(none)" : $"\"{FieldRules.Escape(Identifiers.Shorten(value, 80))}\"";

    private static string Direction(Better better) => better == Better.Higher ? "higher" : "lower";

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
