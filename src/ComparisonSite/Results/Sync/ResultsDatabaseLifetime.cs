using ComparisonSite.Results.Store;

namespace ComparisonSite.Results.Sync;

/// <summary>
/// Stops the store connection (and the private cluster, if any) last: registered before the other results
/// services, it is stopped after them. Starting happens in <see cref="ResultsSync"/>, which needs it first.
/// </summary>
internal sealed class ResultsDatabaseLifetime(ResultsDatabase database) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => database.StopAsync(cancellationToken);
}
