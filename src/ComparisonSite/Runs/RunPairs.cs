using ComparisonSite.Results.Store;

namespace ComparisonSite.Runs;

/// <summary>Two runs of one suite, compared from <see cref="Earlier"/> (a) to <see cref="Later"/> (b).</summary>
public sealed record RunPair(RunResults Earlier, RunResults Later)
{
    /// <summary>When either run's data last changed: what the difference page dates itself by.</summary>
    public DateTimeOffset ChangedAt =>
        Earlier.Run.ChangedAt > Later.Run.ChangedAt ? Earlier.Run.ChangedAt : Later.Run.ChangedAt;
}

/// <summary>Why a requested pair of runs has no difference page; the page says it in these words.</summary>
public sealed record RunPairProblem(string Message);

/// <summary>
/// Which pairs of a suite's runs have a difference page (its one address:
/// <see cref="SiteAddresses.RunDifference"/>). Run ids are matched against the snapshot only, never the store.
/// </summary>
public static class RunPairs
{
    /// <summary>
    /// Each run with the run before it of the same origin, oldest pair first: the differences worth listing (in the
    /// sitemap, on the data page), where every other pair is one a reader picks.
    /// </summary>
    public static IReadOnlyList<RunPair> Consecutive(ResultsSnapshot snapshot, string suite) =>
        [.. snapshot.RunsOf(suite)
            .Reverse()
            .GroupBy(r => r.Run.Info.Origin)
            .SelectMany(g => g.Zip(g.Skip(1), (earlier, later) => new RunPair(earlier, later)))
            .OrderBy(p => p.Later.Run.Info.Date)
            .ThenBy(p => p.Later.Run.Id, StringComparer.Ordinal)];

    /// <summary>
    /// The pair <paramref name="a"/>, <paramref name="b"/> names among the suite's runs, or why there is none: a
    /// missing or unknown id, a run of another suite, or one run twice.
    /// </summary>
    public static (RunPair? Pair, RunPairProblem? Problem) Find(
        ResultsSnapshot snapshot, string suite, string? a, string? b)
    {
        if (string.IsNullOrEmpty(a) || string.IsNullOrEmpty(b))
        {
            return (null, new RunPairProblem("A difference needs two runs: pick one to compare from and one to."));
        }

        if (Problem(snapshot, suite, a) is { } first)
        {
            return (null, first);
        }

        if (Problem(snapshot, suite, b) is { } second)
        {
            return (null, second);
        }

        if (a == b)
        {
            return (null, new RunPairProblem(
                $"That compares run “{a}” with itself, which has no differences: pick two different runs."));
        }

        return (new RunPair(snapshot.RunsById[a], snapshot.RunsById[b]), null);
    }

    private static RunPairProblem? Problem(ResultsSnapshot snapshot, string suite, string id)
    {
        var shown = Identifiers.Shorten(id);
        if (!snapshot.RunsById.TryGetValue(id, out var run))
        {
            return new RunPairProblem($"There is no run “{shown}” in this comparison's data.");
        }

        return run.Run.Suite == suite
            ? null
            : new RunPairProblem($"Run “{shown}” belongs to another benchmark suite, not to this comparison's.");
    }
}
