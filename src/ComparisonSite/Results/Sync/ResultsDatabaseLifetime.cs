using ComparisonSite.Results.Store;

namespace ComparisonSite.Results.Sync;

/// <summary>Starts the store connection (and the private cluster, if any) with the site and stops it last.</summary>
internal sealed class ResultsDatabaseLifetime(ResultsDatabase database) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => database.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => database.StopAsync(cancellationToken);
}
