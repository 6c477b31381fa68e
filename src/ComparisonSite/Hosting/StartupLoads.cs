using System.Diagnostics;
using ComparisonSite.Content;
using ComparisonSite.Results.Sync;
using ComparisonSite.Routing;

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
/// succeeded or failed (or <see cref="StoreWait"/> has passed); health probes pass at once. A request for a
/// comparison's page waits for the results and that comparison's folder only, read ahead of the others
/// (<see cref="ComparisonReadyAsync"/>): with thousands of comparisons, the first reader does not wait for all.
/// A store that is down does not hold the site hostage: pages are served, data pages answering 503 while the
/// sync retries.</item>
/// </list>
/// </summary>
internal sealed class StartupLoads : IHostedService
{
    private static readonly TimeSpan StoreWait = TimeSpan.FromSeconds(15);
    private readonly ResultsSync _sync;
    private readonly Lazy<Task> _content;
    private readonly Lazy<Task> _results;
    private readonly Lazy<Task> _ready;
    private readonly Lazy<Task> _resultsReady;
    private readonly ContentLibrary _library;

    private readonly ILogger<StartupLoads> _logger;

    public StartupLoads(ContentLibrary content, ResultsSync sync, ILogger<StartupLoads> logger)
    {
        _sync = sync;
        _logger = logger;
        _library = content;
        // Not tied to any caller's token: whoever begins a load, everyone after waits for that same load.
        _content = new(() => Task.Run(() => content.ReloadAsync(CancellationToken.None)));
        _results = new(() => sync.StartAsync(CancellationToken.None));
        _resultsReady = new(WhenResultsReadyAsync);
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

    /// <summary>
    /// Completes when a page of the comparison at <paramref name="slug"/> can be served: the results' first load is
    /// in (or given up on) and that comparison's folder is read, ahead of the rest of the content if need be. For a
    /// slug that names no comparison folder, when everything is in (<see cref="Ready"/>).
    /// </summary>
    public async Task ComparisonReadyAsync(string slug, CancellationToken cancellationToken)
    {
        var contentLoad = _content.Value;
        await _resultsReady.Value.WaitAsync(cancellationToken);
        if (!contentLoad.IsCompleted && !await _library.LoadEarlyAsync(slug, cancellationToken))
        {
            await Ready.WaitAsync(cancellationToken);
        }
    }

    private async Task WhenReadyAsync()
    {
        var contentLoad = _content.Value;
        await _resultsReady.Value;
        var resultsAt = SinceProcessStart();
        await contentLoad;
        MemoryBudget.GiveBackAfterBuild();
        // Where a cold start's time goes, for whoever tunes it: the phases from the process's own start.
        _logger.LogInformation(
            "Start-up: results in at {ResultsMs:F0} ms, content in at {ContentMs:F0} ms after the process started "
            + "({ComparisonCount} comparisons)",
            resultsAt, SinceProcessStart(), _library.Current.Comparisons.Count);
    }

    private static double SinceProcessStart()
    {
        using var process = Process.GetCurrentProcess();
        return (DateTime.Now - process.StartTime).TotalMilliseconds;
    }

    private async Task WhenResultsReadyAsync()
    {
        var resultsStart = _results.Value;
        await Task.WhenAny(resultsStart);
        // A failed start fails the host's start (see StartAsync); pages need not wait for a load then.
        if (resultsStart.IsCompletedSuccessfully)
        {
            await Task.WhenAny(_sync.FirstAttempt, Task.Delay(StoreWait));
        }
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
                // A comparison's pages need only their own folder; listings, search and the sitemap need them all.
                if (context.GetEndpoint() is RouteEndpoint endpoint
                    && SlugPolicy.IsUnderComparison(endpoint.RoutePattern)
                    && context.Request.RouteValues[SlugPolicy.Parameter] is string slug)
                {
                    await loads.ComparisonReadyAsync(slug, context.RequestAborted);
                }
                else
                {
                    await ready.WaitAsync(context.RequestAborted);
                }
            }

            await next(context);
        });
    }
}
