using ComparisonSite.Results.Import;
using ComparisonSite.Runs;

namespace ComparisonSite.Tests.Runs;

/// <summary>Which pairs of runs the sitemap and the data page list, and how a requested pair is found.</summary>
public sealed class RunPairsTests
{
    [Fact]
    public void Consecutive_pairs_are_each_run_with_the_one_before_of_its_own_origin()
    {
        var seed = TestSnapshots.SeedDocument();
        RunDocument Run(string id, string date, RunOrigin origin) => seed with
        {
            Run = seed.Run with { Id = id, Date = DateOnly.Parse(date, CultureInfo.InvariantCulture), Origin = origin },
        };
        var snapshot = TestSnapshots.From(
            Run("m-3", "2026-03-01", RunOrigin.Measured),
            Run("r-1", "2026-01-15", RunOrigin.Reported),
            Run("m-1", "2026-01-01", RunOrigin.Measured),
            Run("m-2", "2026-02-01", RunOrigin.Measured),
            Run("r-2", "2026-04-01", RunOrigin.Reported));

        var pairs = RunPairs.Consecutive(snapshot, seed.Suite);

        Assert.Equal(
            ["m-1>m-2", "m-2>m-3", "r-1>r-2"],
            pairs.Select(p => $"{p.Earlier.Run.Id}>{p.Later.Run.Id}"));
        Assert.Equal(["r-2", "m-3", "m-2", "r-1", "m-1"], snapshot.RunsOf(seed.Suite).Select(r => r.Run.Id));
        Assert.Empty(RunPairs.Consecutive(snapshot, "no-such-suite"));
    }

    [Fact]
    public void A_suites_runs_are_listed_newest_first()
    {
        var seed = TestSnapshots.SeedDocument();
        var measured = TestSnapshots.MeasuredFixture();

        var snapshot = TestSnapshots.From(seed, measured);

        Assert.Equal(
            [measured.Run.Id, seed.Run.Id],
            snapshot.RunsOf(seed.Suite).Select(r => r.Run.Id));
    }
}
