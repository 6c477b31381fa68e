using ComparisonSite.Results.Store;

namespace ComparisonSite.Results.Import;

/// <summary>
/// Every slug an import's results name must be in the catalog, stored or declared by the same file. Checked on
/// what the file asks of the catalog (<see cref="CatalogUse"/>), so a file with wrong values still hears about
/// its unknown slugs in the same pass.
/// </summary>
internal static class CatalogReferences
{
    public static IEnumerable<ImportProblem> Check(CatalogUse use, StoredCatalog known)
    {
        var frameworks = known.Frameworks.Keys.Union(use.DeclaredFrameworks).ToHashSet(StringComparer.Ordinal);
        var scenarios = known.Scenarios.Keys.Union(use.DeclaredScenarios).ToHashSet(StringComparer.Ordinal);
        var metrics = known.Metrics.Keys.Union(use.DeclaredMetrics).ToHashSet(StringComparer.Ordinal);
        foreach (var row in use.Results)
        {
            if (row.Framework is { } framework && !frameworks.Contains(framework))
            {
                yield return Unknown(row, "framework", framework, "frameworks", frameworks);
            }

            if (row.Scenario is { } scenario && !scenarios.Contains(scenario))
            {
                yield return Unknown(row, "scenario", scenario, "scenarios", scenarios);
            }

            if (row.Metric is { } metric && !metrics.Contains(metric))
            {
                yield return Unknown(row, "metric", metric, "metrics", metrics);
            }
        }
    }

    private static ImportProblem Unknown(
        ResultSlugs row, string field, string slug, string catalogName, IEnumerable<string> known)
    {
        var location = row.Location.StartsWith('$') ? $"{row.Location}.{field}" : $"{row.Location}, column {field}";
        var choices = string.Join(", ", known.Order(StringComparer.Ordinal));
        return new ImportProblem(location, $"unknown {field} \"{slug}\": declare it in \"{catalogName}\" "
            + $"or use a known one ({(choices.Length == 0 ? "none yet" : choices)})");
    }
}
