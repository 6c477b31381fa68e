using System.Diagnostics;
using System.Threading.Channels;
using ComparisonSite.Caching;
using ComparisonSite.Content;
using ComparisonSite.Results.Store;

namespace ComparisonSite.Search;

/// <summary>
/// Makes the search index before a reader asks for it: once the content and the results are first in, and again
/// a moment after each content or results swap. The index is made on the first search after a swap
/// (<see cref="SiteSearch"/>), and at 10,000 comparisons a whole one takes 26 to 33 s of both cores (every
/// comparison's text made from its Markdown and figures): the first reader to search after a start or an import
/// waited that long. A search arriving mid-build waits for that build, as it would have made it anyway.
/// </summary>
internal sealed class SearchWarmer(
    ContentLibrary content, ResultsStore results, SiteSearch search, ILogger<SearchWarmer> logger)
    : BackgroundService
{
    // Saves come in bursts (an editor's tool writes several files): one build after the burst, not one per file.
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(1);

    private readonly Channel<bool> _swapped = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    private SnapshotSwaps? _swaps;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        _swaps = new SnapshotSwaps(content, results, _ => _swapped.Writer.TryWrite(true));
        return base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _swaps?.Dispose();
        await base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await FirstLoadAsync(stoppingToken);
            while (true)
            {
                // Without results yet, every figure in the text would change when they come: wait for them.
                if (results.Current is not null)
                {
                    await Task.Run(Warm, stoppingToken);
                }

                await _swapped.Reader.ReadAsync(stoppingToken);
                await Task.Delay(Settle, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    // A failed first load is the content's to report (readiness, the log); the warmer builds at the next swap.
    private async Task FirstLoadAsync(CancellationToken stoppingToken)
    {
        try
        {
            await content.FirstLoad.WaitAsync(stoppingToken);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            logger.LogDebug(error, "The content's first load failed; the search index waits for the next swap");
            await _swapped.Reader.ReadAsync(stoppingToken);
        }
    }

    private void Warm()
    {
        var builds = search.BuildCount;
        var took = Stopwatch.StartNew();
        try
        {
            _ = search.Index;
        }
        catch (Exception error)
        {
            // The warmer only runs ahead of the first search, which tries again and answers with its own error;
            // a hosted service's exception would stop the whole site.
            logger.LogError(error, "Could not make the search index ahead of the first search");
            return;
        }

        if (search.BuildCount != builds)
        {
            logger.LogInformation("Search index made ahead of searches in {Milliseconds} ms", took.ElapsedMilliseconds);
        }
    }
}
