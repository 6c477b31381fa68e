namespace ComparisonSite.Results.Import;

/// <summary>Checks that span several fields of a run, shared by the JSON and CSV parsers.</summary>
internal static class RunDocumentRules
{
    public static IEnumerable<ImportProblem> Check(RunDocument document)
    {
        if (document.Run is { PeriodStart: { } start, PeriodEnd: { } end } && end < start)
        {
            yield return new ImportProblem(
                "$.run.period.end", $"the period ends ({end:yyyy-MM-dd}) before it starts ({start:yyyy-MM-dd})");
        }

        var duplicates = document.Results
            .GroupBy(r => (r.Framework, r.Scenario, r.Metric))
            .Where(g => g.Count() > 1);
        foreach (var duplicate in duplicates)
        {
            var places = duplicate.Select(r => r.Location).ToList();
            var (framework, scenario, metric) = duplicate.Key;
            yield return new ImportProblem(places[1],
                $"duplicate result for framework \"{framework}\", scenario \"{scenario}\", metric \"{metric}\" "
                + $"(first given at {places[0]})");
        }

        foreach (var problem in SetupProblems(document))
        {
            yield return problem;
        }

        foreach (var problem in DuplicateSlugs("frameworks", document.Frameworks.Select(f => f.Slug))
            .Concat(DuplicateSlugs("scenarios", document.Scenarios.Select(s => s.Slug)))
            .Concat(DuplicateSlugs("metrics", document.Metrics.Select(m => m.Slug))))
        {
            yield return problem;
        }
    }

    /// <summary>The median of samples: the figure shown when a result gives samples but no value.</summary>
    public static double Median(IReadOnlyList<double> samples)
    {
        var sorted = samples.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /// <summary>
    /// A setup entry describes a framework the run measured, once: one that names another (a typo, a framework
    /// left out of the results) would put a row on the page about something the run has no figure for.
    /// </summary>
    private static IEnumerable<ImportProblem> SetupProblems(RunDocument document)
    {
        var measured = document.Results.Select(r => r.Framework).ToHashSet(StringComparer.Ordinal);
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < document.Run.Setup.Count; i++)
        {
            var framework = document.Run.Setup[i].Framework;
            if (!measured.Contains(framework))
            {
                yield return new ImportProblem(
                    $"$.run.setup[{i}].framework",
                    $"framework \"{framework}\" has no result in this run; a setup entry describes a framework the "
                    + "run measured");
            }
            else if (!first.TryAdd(framework, i))
            {
                yield return new ImportProblem(
                    $"$.run.setup[{i}].framework",
                    $"framework \"{framework}\" already has a setup entry (at $.run.setup[{first[framework]}])");
            }
        }
    }

    private static IEnumerable<ImportProblem> DuplicateSlugs(string field, IEnumerable<string> slugs) =>
        slugs.Select((slug, index) => (slug, index))
            .GroupBy(x => x.slug)
            .Where(g => g.Count() > 1)
            .Select(g => new ImportProblem(
                $"$.{field}[{g.ElementAt(1).index}].slug",
                $"\"{g.Key}\" is declared twice (first at $.{field}[{g.First().index}])"));
}
