using System.Collections.Concurrent;
using ComparisonSite.Content;
using Microsoft.Net.Http.Headers;

namespace ComparisonSite.Caching;

/// <summary>
/// Serves generated pages (every endpoint marked with <see cref="HttpCaching.CachePage"/>: pages,
/// sitemap, feed, downloads) from <see cref="PageCache"/>. It runs right after routing, so a hit skips all
/// the middleware behind it and costs a dictionary lookup and a copy of the stored bytes. ASP.NET Core's
/// output cache, used before, built its key and deserialized its entry on every hit, behind the whole
/// middleware chain: ~17% of the site's CPU under load (see README, "Performance").
/// A miss runs the rest of the pipeline once per key, however many requests wait for it, and keeps a 200.
/// </summary>
internal sealed class PageCacheMiddleware(RequestDelegate next, PageCache cache, PageVersions versions, ContentLibrary library, IHostEnvironment environment)
{
    private readonly ConcurrentDictionary<string, Task<CachedPage?>> _inFlight = new(StringComparer.Ordinal);

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        // Development pages carry the live content-problems panel, so they are always rendered fresh.
        if (context.GetEndpoint()?.Metadata.GetMetadata<CachedPageMarker>() is null
            || !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            || request.Headers.ContainsKey(HeaderNames.Authorization)
            || environment.IsDevelopment())
        {
            await next(context);
            return;
        }

        var (key, tag) = KeyOf(context);
        if (cache.TryGet(key, out var page))
        {
            await page.WriteAsync(context);
            return;
        }

        // HEAD sends no body to keep; it is answered from a GET's entry or rendered afresh.
        if (HttpMethods.IsHead(request.Method))
        {
            await next(context);
            return;
        }

        var leader = new TaskCompletionSource<CachedPage?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var flight = _inFlight.GetOrAdd(key, leader.Task);
        if (flight != leader.Task)
        {
            // Another request is rendering this very page: wait for its entry rather than render it again.
            if (await flight.WaitAsync(context.RequestAborted) is { } rendered)
            {
                await rendered.WriteAsync(context);
            }
            else
            {
                await next(context);
            }

            return;
        }

        try
        {
            page = await RenderAsync(context, tag);
            if (page is not null)
            {
                cache.Add(key, page);
            }

            leader.SetResult(page);
        }
        catch
        {
            leader.SetResult(null);
            throw;
        }
        finally
        {
            _inFlight.TryRemove(new KeyValuePair<string, Task<CachedPage?>>(key, leader.Task));
        }
    }

    /// <summary>
    /// Runs the rest of the pipeline with the response body copied as it goes out, and the headers taken as the
    /// response starts (after the inner middleware has set them; the security headers are set on every response
    /// after this, hits included). Only a complete, public 200 becomes an entry.
    /// </summary>
    private async Task<CachedPage?> RenderAsync(HttpContext context, string tag)
    {
        var response = context.Response;
        HeaderDictionary? headers = null;
        response.OnStarting(() =>
        {
            headers = new HeaderDictionary(response.Headers.ToDictionary(h => h.Key, h => h.Value, StringComparer.OrdinalIgnoreCase));
            return Task.CompletedTask;
        });

        var body = response.Body;
        await using var copy = new CopyingStream(body, PageCache.MaximumBodySize);
        response.Body = copy;
        try
        {
            await next(context);
        }
        finally
        {
            response.Body = body;
        }

        var keep = response.StatusCode == StatusCodes.Status200OK && headers is not null && !copy.Overflowed
            && !headers.ContainsKey(HeaderNames.SetCookie) && !context.RequestAborted.IsCancellationRequested;
        return keep ? new CachedPage(headers!, copy.Copied(), tag, Environment.TickCount64 + (long)PageCache.Lifetime.TotalMilliseconds) : null;
    }

    /// <summary>
    /// Path, Accept-Encoding (the body is stored compressed) and the version of what the page shows, so no
    /// entry built from an older snapshot can answer once a new one is swapped in.
    /// </summary>
    private (string Key, string Tag) KeyOf(HttpContext context)
    {
        var request = context.Request;
        string version;
        string tag;
        if (request.RouteValues.TryGetValue("slug", out var value) && value is string slug && library.Current.Comparisons.TryGetValue(slug, out var article))
        {
            version = versions.ForComparison(article);
            tag = PageVersions.ComparisonTag(slug);
        }
        else
        {
            version = versions.ForListing();
            tag = PageVersions.ListingTag;
        }

        return (string.Concat(request.Path.Value, "\n", request.Headers.AcceptEncoding.ToString(), "\n", version), tag);
    }
}
