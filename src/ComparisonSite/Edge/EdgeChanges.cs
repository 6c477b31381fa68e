using ComparisonSite.Caching;
using ComparisonSite.Content;
using ComparisonSite.Results.Store;

namespace ComparisonSite.Edge;

/// <summary>
/// Works out which surrogate keys a change altered and queues exactly those for purging. A comparison's key
/// goes when its page version (<see cref="PageVersions"/>: its files, the runs it cites, its suites' runs, an
/// age limit passed) changes; a run's and its suite's keys when the run is imported, re-imported or removed;
/// the listings' key when any comparison or run changed, appeared or went (the home page lists the latest
/// runs). The first snapshots an instance loads are only remembered: starting an instance purges nothing.
/// </summary>
internal sealed class EdgeChanges(
    ContentLibrary content,
    ResultsStore results,
    PageVersions versions,
    PendingPurges queue,
    ILogger<EdgeChanges> logger)
    : BackgroundService
{
    /// <summary>How often age limits (maxDataAge), which no snapshot swap marks, are looked at.</summary>
    private static readonly TimeSpan AgeCheckInterval = TimeSpan.FromMinutes(1);

    private readonly Lock _gate = new();
    private Dictionary<string, string> _comparisons = new(StringComparer.Ordinal);
    private Dictionary<string, (string Suite, string Version)> _runs = new(StringComparer.Ordinal);
    private bool _ready;
    private long _change;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        content.Changed += OnContentChanged;
        results.Changed += OnResultsChanged;
        Look("start");
        return base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        content.Changed -= OnContentChanged;
        results.Changed -= OnResultsChanged;
        await base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(AgeCheckInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                Look("age limits");
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private void OnContentChanged(ContentSnapshot snapshot) => Look("content");

    private void OnResultsChanged(ResultsSnapshot snapshot) => Look("results");

    /// <summary>Compares what pages show now with what they showed at the last look; queues the difference.</summary>
    private void Look(string cause)
    {
        try
        {
            lock (_gate)
            {
                var snapshot = results.Current;
                var comparisons = content.Current.Comparisons.Values.ToDictionary(
                    a => a.Slug, versions.ForComparison, StringComparer.Ordinal);
                var runs = (snapshot?.RunsById.Values ?? []).ToDictionary(
                    r => r.Run.Id, r => (r.Run.Suite, snapshot!.RunVersion(r)), StringComparer.Ordinal);
                var wasReady = _ready;
                _ready = snapshot is not null && content.FirstLoad.IsCompletedSuccessfully;
                var keys = wasReady ? Changed(comparisons, runs) : [];
                _comparisons = comparisons;
                _runs = runs;
                if (keys.Count > 0)
                {
                    var change = Interlocked.Increment(ref _change);
                    logger.LogDebug("Change {Change} ({Cause}) alters {Keys}", change, cause, keys);
                    queue.Add(new PurgeRequest(change, cause, keys));
                }
            }
        }
        catch (Exception exception)
        {
            // Raised inside a snapshot swap: a purge must never fail one; the page then waits for s-maxage.
            logger.LogError(exception, "Could not work out the edge purge for a {Cause} change", cause);
        }
    }

    private List<string> Changed(
        Dictionary<string, string> comparisons,
        Dictionary<string, (string Suite, string Version)> runs)
    {
        var keys = new List<string>();
        foreach (var slug in comparisons.Keys.Union(_comparisons.Keys).Order(StringComparer.Ordinal))
        {
            if (comparisons.GetValueOrDefault(slug) != _comparisons.GetValueOrDefault(slug))
            {
                keys.Add(SurrogateKeys.Comparison(slug));
            }
        }

        var listings = keys.Count > 0;
        var suites = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var id in runs.Keys.Union(_runs.Keys).Order(StringComparer.Ordinal))
        {
            var isNow = runs.TryGetValue(id, out var now);
            var wasBefore = _runs.TryGetValue(id, out var before);
            if (isNow != wasBefore || now != before)
            {
                var suite = isNow ? now.Suite : before.Suite;
                keys.Add(SurrogateKeys.Run(suite, id));
                suites.Add(suite);
            }
        }

        keys.AddRange(suites.Select(SurrogateKeys.Suite));
        // The home page lists the site's latest data updates, so a run no comparison cites still alters it.
        if (listings || suites.Count > 0)
        {
            keys.Add(SurrogateKeys.Listing);
        }

        return keys;
    }
}
