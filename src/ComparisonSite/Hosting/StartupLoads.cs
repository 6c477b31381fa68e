using ComparisonSite.Content;
using ComparisonSite.Results.Sync;

namespace ComparisonSite.Hosting;

/// <summary>
/// What a page needs before it can be served, begun once, here and nowhere else. The order:
/// <list type="number">
/// <item>As soon as the host is built (Program calls <see cref="StartupLoadsRegistration.BeginStartupLoads"/>;
/// the host's start does it too, should nothing have), the content load and the results sync begin side by side,
/// so they overlap composing the request pipeline and binding Kestrel, which does not wait for them.</item>
/// <item>The sync connects (migrating and seeding a new store) while the content loads, then waits for the
/// content before its first snapshot load: the snapshot holds the runs content pins by id.</item>
/// <item>The host's start waits for the sync to connect: a private cluster that cannot start fails it, with the
/// reason. It does not wait for the first load.</item>
/// <item>The start-up gate holds page requests until the content is in and the first results load has
/// succeeded or failed (or <see cref="StoreWait"/> has passed); health probes pass at once. A store that is
/// down does not hold the site hostage: pages are served, data pages answering 503 while the sync retries.</item>
/// </list>
/// </summary>
internal sealed class StartupLoads : IHostedService
{
    private static readonly TimeSpan StoreWait = TimeSpan.FromSeconds(15);
    private readonly ResultsSync _sync;
    private readonly Lazy<Task> _content;
    private readonly Lazy<Task> _results;
    private readonly Lazy<Task> _ready;

    public StartupLoads(ContentLibrary content, ResultsSync sync)
    {
        _sync = sync;
        // Not tied to any caller's token: whoever begins a load, everyone after waits for that same load.
        _content = new(() => Task.Run(() => content.ReloadAsync(CancellationToken.None)));
        _results = new(() => sync.StartAsync(CancellationToken.None));
        _ready = new(WhenReadyAsync);
    }

    /// <summary>Completes when the site can serve pages; begins the loads if nothing has yet.</summary>
    public Task Ready => _ready.Value;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = Ready;
        return _results.Value.WaitAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => _sync.StopAsync(cancellationToken);

    private async Task WhenReadyAsync()
    {
        var contentLoad = _content.Value;
        var resultsStart = _results.Value;
        await Task.WhenAny(resultsStart);
        // A failed start fails the host's start (see StartAsync); pages need not wait for a load then.
        if (resultsStart.IsCompletedSuccessfully)
        {
            await Task.WhenAny(_sync.FirstAttempt, Task.Delay(StoreWait));
        }

        await contentLoad;
    }
}

/// <summary>Registers <see cref="StartupLoads"/>, begins it, and holds page requests until it is done.</summary>
internal static class StartupLoadsRegistration
{
    /// <summary>Also the hosted service that starts and stops the results sync.</summary>
    public static IServiceCollection AddStartupLoads(this IServiceCollection services)
    {
        services.AddSingleton<StartupLoads>();
        services.AddHostedService(sp => sp.GetRequiredService<StartupLoads>());
        return services;
    }

    /// <summary>Begins the content load and the results sync; called as soon as the host is built.</summary>
    public static void BeginStartupLoads(this IServiceProvider services) =>
        _ = services.GetRequiredService<StartupLoads>().Ready;

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
            if (!ready.IsCompleted
                && !context.Request.Path.StartsWithSegments(HealthEndpoints.Prefix, StringComparison.Ordinal))
            {
                await ready.WaitAsync(context.RequestAborted);
            }

            await next(context);
        });
    }
}
