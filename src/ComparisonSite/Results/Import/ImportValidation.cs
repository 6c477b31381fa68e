using System.Globalization;
using ComparisonSite.Results.Store;

namespace ComparisonSite.Results.Import;

/// <summary>
/// The checks an import makes against the store, on top of each file's own (shape) problems: slugs the catalog
/// does not know, declarations that would change it, a run over the size limit, one run id given by two files.
/// The same for a real import and a dry run, and collected with the shape problems in one list per file.
/// </summary>
public static class ImportValidation
{
    /// <summary>Every problem of each parsed file, in the order of <paramref name="files"/>.</summary>
    public static IReadOnlyList<IReadOnlyList<ImportProblem>> Check(
        IReadOnlyList<ParsedRun> files, StoredCatalog catalog, ImportOptions options)
    {
        var firstFileOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var all = new List<IReadOnlyList<ImportProblem>>(files.Count);
        for (var i = 0; i < files.Count; i++)
        {
            var file = files[i];
            var problems = new List<ImportProblem>(file.Problems);
            if (file.Use is { Results.Count: > RunImporter.MaxMeasurements } huge)
            {
                // Over the bound the run is refused as a whole; checking each of its rows would only flood.
                problems.Add(new ImportProblem("$", string.Create(
                    CultureInfo.InvariantCulture,
                    $"the run has {huge.Results.Count:N0} measurements; the limit is "
                    + $"{RunImporter.MaxMeasurements:N0} a run")));
            }
            else if (file.Use is { } use)
            {
                problems.AddRange(CatalogReferences.Check(use, catalog));
                if (!options.UpdateCatalog)
                {
                    problems.AddRange(CatalogChanges.Find(use, catalog));
                }
            }

            if (file.Document?.Run.Id is { } id && !firstFileOf.TryAdd(id, i))
            {
                var option = file.Document.Results is [var first, ..] && !first.Location.StartsWith('$');
                problems.Add(new ImportProblem(
                    option ? "--run-id" : "$.run.id",
                    $"run \"{id}\" is also given by file {firstFileOf[id] + 1} of this import; one import writes "
                    + "a run once"));
            }

            all.Add(problems);
        }

        return all;
    }
}
