using ComparisonSite.Caching;
using ComparisonSite.Content;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace ComparisonSite.Tests.Caching;

/// <summary>
/// The page cache's miss path, driven directly so the render behind it can be held open: requests that
/// arrive while a page is being rendered wait for that render instead of starting their own.
/// </summary>
public sealed class PageCacheMiddlewareTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    [Fact]
    public async Task Concurrent_misses_for_one_page_render_it_once_and_all_get_its_bytes()
    {
        await using var site = await TestSite.CreateAsync(postgres);
        // Through the real pipeline first: content and results are loaded, so every request below has one key.
        await site.CreateReader().GetAsync("/fastapi-vs-django-vs-flask");
        var body = "<!doctype html><title>held</title>"u8.ToArray();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var renders = 0;
        var middleware = new PageCacheMiddleware(
            async context =>
            {
                Interlocked.Increment(ref renders);
                await release.Task;
                context.Response.StatusCode = StatusCodes.Status200OK;
                context.Response.ContentType = "text/html; charset=utf-8";
                await ((StartingResponse)context.Features.Get<IHttpResponseFeature>()!).StartAsync();
                await context.Response.Body.WriteAsync(body);
            },
            new PageCache(NullLogger<PageCache>.Instance),
            site.Services.GetRequiredService<PageVersions>(),
            site.Services.GetRequiredService<ContentLibrary>(),
            site.Services.GetRequiredService<IResponseCompressionProvider>(),
            site.Services.GetRequiredService<IHostEnvironment>());

        var contexts = Enumerable.Range(0, 10).Select(_ => Request("/fastapi-vs-django-vs-flask")).ToList();
        var requests = contexts.Select(middleware.InvokeAsync).ToList();
        await Eventually.TrueAsync(() => Volatile.Read(ref renders) == 1);
        release.SetResult();
        await Task.WhenAll(requests);

        Assert.Equal(1, renders);
        Assert.All(contexts, c => Assert.Equal(body, ((MemoryStream)c.Response.Body).ToArray()));
        Assert.All(contexts, c => Assert.Equal("text/html; charset=utf-8", c.Response.ContentType));
    }

    private static DefaultHttpContext Request(string path)
    {
        var context = new DefaultHttpContext();
        context.Features.Set<IHttpResponseFeature>(new StartingResponse());
        context.Request.Method = HttpMethods.Get;
        context.Request.Path = path;
        context.Request.RouteValues["slug"] = path.TrimStart('/');
        context.Response.Body = new MemoryStream();
        var cachedPage = new EndpointMetadataCollection(CachedPageMarker.Instance);
        context.SetEndpoint(new Endpoint(null, cachedPage, "comparison"));
        return context;
    }

    /// <summary>Runs the OnStarting callbacks when the response starts, in reverse order, as Kestrel does.</summary>
    private sealed class StartingResponse : HttpResponseFeature
    {
        private readonly Stack<(Func<object, Task> Callback, object State)> _starting = new();

        public override void OnStarting(Func<object, Task> callback, object state) => _starting.Push((callback, state));

        public async Task StartAsync()
        {
            while (_starting.TryPop(out var entry))
            {
                await entry.Callback(entry.State);
            }
        }
    }
}
