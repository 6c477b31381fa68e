using System.Text;
using ComparisonSite.Caching;
using Microsoft.AspNetCore.Http.Features;

namespace ComparisonSite.Editing;

/// <summary>
/// The editor's tools, in Development only: the live preview's event stream (<c>/_editor/events</c>) and the
/// reference catalogue page (<c>/_editor/references</c>, a Razor page that answers 404 elsewhere). In any other
/// environment nothing is registered or mapped, so the addresses answer 404 like any unknown one.
/// </summary>
public static class EditorEndpoints
{
    public const string EventsPath = "/_editor/events";
    public const string ReferencesPath = "/_editor/references";

    /// <summary>Sent when nothing changed for this long, so proxies and browsers keep the stream open.</summary>
    public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);

    /// <summary>When a stream refused for being one too many may try again (seconds).</summary>
    private const string FullRetryAfterSeconds = "10";

    public static IServiceCollection AddEditor(this IServiceCollection services, IHostEnvironment environment)
    {
        if (environment.IsDevelopment())
        {
            services.AddOptions<EditorOptions>()
                .BindConfiguration(EditorOptions.Section)
                .ValidateDataAnnotations()
                .ValidateOnStart();
            services.AddSingleton<EditorEvents>();
            services.AddSingleton<ReferenceCatalogue>();
        }

        return services;
    }

    public static IEndpointRouteBuilder MapEditor(this IEndpointRouteBuilder endpoints, IHostEnvironment environment)
    {
        if (environment.IsDevelopment())
        {
            endpoints.MapGet(EventsPath, StreamAsync).WithMetadata(StreamedResponseMarker.Instance);
        }

        return endpoints;
    }

    /// <summary>
    /// Server-Sent Events: the current version at once, then every new one, with a comment line as heartbeat.
    /// Ends when the client goes (RequestAborted) or the host stops, so an open page never holds a shutdown.
    /// Past <see cref="EditorOptions.MaxEventStreams"/> open streams, 503 with Retry-After.
    /// </summary>
    private static async Task StreamAsync(
        HttpContext context, EditorEvents events, IHostApplicationLifetime lifetime)
    {
        var response = context.Response;
        using var subscription = events.TrySubscribe();
        if (subscription is null)
        {
            response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            response.Headers.RetryAfter = FullRetryAfterSeconds;
            response.Headers.CacheControl = CacheControlValues.NoStore;
            response.ContentType = "text/plain; charset=utf-8";
            // A body of its own, so the status-code page does not replace the explanation.
            await response.WriteAsync(
                $"{events.MaxStreams} live preview streams are open, the most allowed ({EditorOptions.Section}:"
                + $"{nameof(EditorOptions.MaxEventStreams)}); close a preview tab or try again later.\n",
                context.RequestAborted);
            return;
        }

        // Sent as written: neither compression nor any buffer may hold an event back.
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = CacheControlValues.NoStore;
        response.Headers["X-Accel-Buffering"] = "no";

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(
            context.RequestAborted, lifetime.ApplicationStopping);
        try
        {
            await WriteAsync(response, $"retry: 1000\nevent: version\ndata: {events.Version}\n\n", stop.Token);
            while (true)
            {
                using var beat = CancellationTokenSource.CreateLinkedTokenSource(stop.Token);
                beat.CancelAfter(Heartbeat);
                string? version = null;
                try
                {
                    if (await subscription.Versions.WaitToReadAsync(beat.Token))
                    {
                        subscription.Versions.TryRead(out version);
                    }
                }
                catch (OperationCanceledException) when (!stop.IsCancellationRequested)
                {
                }

                var message = version is null ? ": heartbeat\n\n" : $"event: version\ndata: {version}\n\n";
                await WriteAsync(response, message, stop.Token);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The page went away or the site is stopping: the stream simply ends.
        }
    }

    private static async Task WriteAsync(HttpResponse response, string text, CancellationToken cancellationToken)
    {
        await response.Body.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }
}
