using ComparisonSite.Content;
using ComparisonSite.Results.Sync;

namespace ComparisonSite;

/// <summary>
/// What a page needs before it can be served: the content and the first load attempt of the results snapshot.
/// Program begins both as soon as the host is built, side by side, so they overlap composing the request
/// pipeline and binding Kestrel; requests that reach the pages wait here until both are in. A store that is
/// down does not hold the site hostage: once its first attempt fails (or after <see cref="StoreWait"/>), pages
/// are served, data pages answering 503 while the sync keeps retrying.
/// </summary>
internal sealed class StartupLoads(ContentLibrary content, ResultsSync sync)
{
    private static readonly TimeSpan StoreWait = TimeSpan.FromSeconds(15);
    private readonly Lock _gate = new();
    private Task? _ready;

    /// <summary>Completes when the site can serve pages; begins the loads if nothing has yet.</summary>
    public Task Ready
    {
        get
        {
            lock (_gate)
            {
                return _ready ??= LoadAsync();
            }
        }
    }

    private async Task LoadAsync()
    {
        var contentLoad = content.LoadInitiallyAsync();
        var begin = sync.BeginAsync();
        await Task.WhenAny(begin);
        // A private cluster that cannot start fails the host's start (ResultsSync.StartAsync), with the reason.
        if (begin.IsCompletedSuccessfully)
        {
            await Task.WhenAny(sync.FirstAttempt, Task.Delay(StoreWait));
        }

        await contentLoad;
    }
}

internal static class StartupGate
{
    /// <summary>
    /// Holds requests until <see cref="StartupLoads.Ready"/>; after start-up this costs one completed-task check.
    /// Health probes pass at once: readiness reports the loads' progress and liveness must always answer.
    /// </summary>
    public static IApplicationBuilder UseStartupGate(this IApplicationBuilder app)
    {
        var loads = app.ApplicationServices.GetRequiredService<StartupLoads>();
        return app.Use(async (context, next) =>
        {
            var ready = loads.Ready;
            if (!ready.IsCompleted && !context.Request.Path.StartsWithSegments(HealthEndpoints.Prefix, StringComparison.Ordinal))
            {
                await ready.WaitAsync(context.RequestAborted);
            }

            await next(context);
        });
    }
}
