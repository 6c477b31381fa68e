using ComparisonSite.Results.Import;
using ComparisonSite.Results.Store;

namespace ComparisonSite.Checks.DryRun;

/// <summary>
/// The snapshot the site would read after an import, built in memory: the documents' runs added (or replacing the
/// runs of the same ids) and their declared catalog entries merged, as <see cref="RunImporter"/> would write them.
/// </summary>
internal static class CandidateSnapshot
{
    public static ResultsSnapshot With(
        ResultsSnapshot current, IReadOnlyList<RunDocument> documents, ImportOptions options, DateTimeOffset now)
    {
        var ids = documents.Select(d => d.Run.Id).ToHashSet(StringComparer.Ordinal);
        var added = documents.Select(d => new RunResults(
            new StoredRun(d.Suite, d.Run, now),
            [.. d.Results.Select(r => new Measurement(r.Framework, r.Scenario, r.Metric, r.Value, r.Samples))]));
        var runs = current.RunsById.Values.Where(r => !ids.Contains(r.Run.Id)).Concat(added).ToList();
        var catalog = new StoredCatalog(
            Merge(current.Frameworks, documents.SelectMany(d => d.Frameworks), f => f.Slug, options),
            Merge(current.Scenarios, documents.SelectMany(d => d.Scenarios), s => s.Slug, options),
            Merge(current.Metrics, documents.SelectMany(d => d.Metrics), m => m.Slug, options));
        var removed = current.RemovedById.Values.Where(r => !ids.Contains(r.Id)).ToList();
        return ResultsSnapshot.Create(catalog, runs, now, removed);
    }

    // A declared entry the store lacks is added; one it holds changes only with --update-catalog (validation has
    // already refused a differing declaration without it).
    private static Dictionary<string, T> Merge<T>(
        IReadOnlyDictionary<string, T> stored, IEnumerable<T> declared, Func<T, string> slugOf, ImportOptions options)
    {
        var merged = stored.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
        foreach (var entry in declared)
        {
            if (options.UpdateCatalog || !merged.ContainsKey(slugOf(entry)))
            {
                merged[slugOf(entry)] = entry;
            }
        }

        return merged;
    }
}
