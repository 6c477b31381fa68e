using System.Diagnostics;
using ComparisonSite.Content;
using ComparisonSite.Results.Store;

namespace ComparisonSite.Caching;

/// <summary>
/// The one place that works out what a change altered. At each content or results swap (and every minute, for
/// maxDataAge limits, which no swap marks) it compares each comparison's page version
/// (<see cref="PageVersions"/>: its files, the runs it cites, its suites' runs, its related comparisons, an age
/// limit passed) and each run's version with those of the last look, and hands the difference to every
/// <see cref="IPageChangeListener"/>. The first snapshots an instance loads are only remembered: starting an
/// instance changes nothing.
/// </summary>
internal sealed class PageChanges(
    ContentLibrary content,
    ResultsStore results,
    PageVersions versions,
    IEnumerable<IPageChangeListener> listeners,
    ILogger<PageChanges> logger)
    : BackgroundService
{
    /// <summary>How often age limits (maxDataAge), which no snapshot swap marks, are looked at.</summary>
    private static readonly TimeSpan AgeCheckInterval = TimeSpan.FromMinutes(1);

    private const string AgeLimits = "age limits";

    private readonly IPageChangeListener[] _listeners = [.. listeners];
    private readonly Lock _gate = new();
    private Dictionary<string, string> _comparisons = new(StringComparer.Ordinal);
    private Dictionary<string, (string Suite, string Version)> _runs = new(StringComparer.Ordinal);
    private bool _ready;
    private volatile bool _contentLoaded;
    private long _change;

    private SnapshotSwaps? _swaps;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        _swaps = new SnapshotSwaps(content, results, OnSwapped);
        Look("start");
        return base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _swaps?.Dispose();
        await base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(AgeCheckInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                Look(AgeLimits);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private void OnSwapped(SnapshotKind kind)
    {
        if (kind == SnapshotKind.Results)
        {
            Look("results");
            return;
        }

        // The library raises Changed before it completes FirstLoad: judged by FirstLoad alone, the first content
        // load would not count, and when the results had loaded before it, the next change (an editor's first
        // save) would be taken for the first look and published to nobody.
        _contentLoaded = true;
        Look("content");
    }

    /// <summary>Compares what pages show with what they showed at the last look; publishes the difference.</summary>
    private void Look(string cause)
    {
        try
        {
            lock (_gate)
            {
                var started = Stopwatch.GetTimestamp();
                var snapshot = results.Current;
                var comparisons = content.Current.Comparisons.Values.ToDictionary(
                    a => a.Slug, versions.ForComparison, StringComparer.Ordinal);
                var runs = (snapshot?.RunsById.Values ?? []).ToDictionary(
                    r => r.Run.Id, r => (r.Run.Suite, snapshot!.RunVersion(r)), StringComparer.Ordinal);
                var wasReady = _ready;
                _ready = snapshot is not null && (_contentLoaded || content.FirstLoad.IsCompletedSuccessfully);
                var changedComparisons = wasReady ? ChangedComparisons(comparisons) : [];
                var changedRuns = wasReady ? ChangedRuns(runs) : [];
                // A swap is published even when it altered nothing a page shows: the page cache then drops the
                // listings it keyed by the old snapshots. A quiet minute of the age check is not.
                if (wasReady && (cause != AgeLimits || changedComparisons.Count > 0 || changedRuns.Count > 0))
                {
                    Publish(new PageChange(
                        Interlocked.Increment(ref _change), cause, changedComparisons, changedRuns)
                    {
                        Versions = changedComparisons.Where(comparisons.ContainsKey)
                            .ToDictionary(slug => slug, slug => comparisons[slug], StringComparer.Ordinal),
                    });
                }

                _comparisons = comparisons;
                _runs = runs;
                // Runs inside the swap, over every comparison: what a save or an import costs beyond its own pages.
                logger.LogDebug(
                    "Looked at {ComparisonCount} comparisons after a {Cause} change in {ElapsedMs:F0} ms",
                    comparisons.Count, cause, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }
        catch (Exception exception)
        {
            // Raised inside a snapshot swap, which must never fail: stale pages then wait for their lifetime.
            logger.LogError(exception, "Could not work out what a {Cause} change altered", cause);
        }
    }

    private void Publish(PageChange change)
    {
        if (change.AltersListings)
        {
            logger.LogDebug(
                "Change {Change} ({Cause}) alters comparisons {Comparisons} and runs {Runs}",
                change.Number, change.Cause, change.Comparisons, change.Runs);
        }

        foreach (var listener in _listeners)
        {
            listener.OnPagesChanged(change);
        }
    }

    private List<string> ChangedComparisons(Dictionary<string, string> comparisons) =>
        [.. comparisons.Keys.Union(_comparisons.Keys)
            .Where(slug => comparisons.GetValueOrDefault(slug) != _comparisons.GetValueOrDefault(slug))
            .Order(StringComparer.Ordinal)];

    private List<ChangedRun> ChangedRuns(Dictionary<string, (string Suite, string Version)> runs)
    {
        var changed = new List<ChangedRun>();
        foreach (var id in runs.Keys.Union(_runs.Keys).Order(StringComparer.Ordinal))
        {
            var isNow = runs.TryGetValue(id, out var now);
            var wasBefore = _runs.TryGetValue(id, out var before);
            if (isNow != wasBefore || now != before)
            {
                changed.Add(new ChangedRun(isNow ? now.Suite : before.Suite, id));
            }
        }

        return changed;
    }
}
