using System.Collections.Concurrent;
using ComparisonSite.Content;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Net.Http.Headers;

namespace ComparisonSite.Caching;

/// <summary>
/// Serves generated pages (every endpoint marked with <see cref="HttpCaching.CachePage"/>: pages,
/// sitemap, feed, downloads) from <see cref="PageCache"/>. It runs right after routing, so a hit skips all
/// the middleware behind it and costs a dictionary lookup and a copy of the stored bytes. ASP.NET Core's
/// output cache, used before, built its key and deserialized its entry on every hit, behind the whole
/// middleware chain: ~17% of the site's CPU under load (see README, "Performance").
/// A miss runs the rest of the pipeline once per key, however many requests wait for it, and keeps a 200.
/// The render is held in memory and kept before any of it is sent, so a client that reads slowly delays
/// only itself; a request waits at most <see cref="WaitLimit"/> for another's render, then renders itself.
/// </summary>
internal sealed class PageCacheMiddleware(
    RequestDelegate next,
    PageCache cache,
    PageVersions versions,
    ContentLibrary library,
    IResponseCompressionProvider compression,
    IHostEnvironment environment)
{
    private const string Identity = "identity";

    /// <summary>How long a request waits for another request's render of its page.</summary>
    public static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<string, Task<CachedPage?>> _inFlight = new(StringComparer.Ordinal);

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        // Development pages carry the live content-problems panel, so they are always rendered fresh.
        var metadata = context.GetEndpoint()?.Metadata;
        if (metadata?.GetMetadata<CachedPageMarker>() is null
            || metadata.GetMetadata<NoPageCacheAttribute>() is not null
            || !ReadMethods.IsRead(request.Method)
            || request.Headers.ContainsKey(HeaderNames.Authorization)
            || environment.IsDevelopment())
        {
            await next(context);
            return;
        }

        var (key, tag, version, encoding) = KeyOf(context);
        if (cache.TryGet(key, out var page))
        {
            await page.WriteAsync(context);
            return;
        }

        // HEAD sends no body to keep; it is answered from a GET's entry or rendered afresh.
        if (ReadMethods.IsHead(request.Method))
        {
            await next(context);
            return;
        }

        var leader = new TaskCompletionSource<CachedPage?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var flight = _inFlight.GetOrAdd(key, leader.Task);
        if (flight != leader.Task)
        {
            // Another request is rendering this very page: wait for its entry rather than render it again.
            if (await WaitForAsync(flight, context.RequestAborted) is { } rendered)
            {
                await rendered.WriteAsync(context);
            }
            else
            {
                await next(context);
            }

            return;
        }

        ReadOnlyMemory<byte> unsent;
        try
        {
            (page, unsent) = await RenderAsync(context, tag, version, encoding);
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

        // The entry is kept and the waiters have theirs: only now does this client's pace matter.
        if (!unsent.IsEmpty)
        {
            await context.Response.Body.WriteAsync(unsent, context.RequestAborted);
        }
    }

    /// <summary>Another request's render, or null once it fails, keeps nothing or takes too long.</summary>
    private static async Task<CachedPage?> WaitForAsync(Task<CachedPage?> flight, CancellationToken aborted)
    {
        try
        {
            return await flight.WaitAsync(WaitLimit, aborted);
        }
        catch (TimeoutException)
        {
            return null;
        }
    }

    /// <summary>
    /// Runs the rest of the pipeline with the response body held (<see cref="ResponseBuffer"/>), then starts the
    /// response: the headers are taken then, after the inner middleware has set them (the security headers are
    /// set on every response after this, hits included). Only a complete, public 200 becomes an entry. Returns the
    /// body still to send; a body past <see cref="PageCache.MaximumBodySize"/> went out as it was written.
    /// </summary>
    private async Task<(CachedPage? Page, ReadOnlyMemory<byte> Unsent)> RenderAsync(
        HttpContext context, string tag, string version, string encoding)
    {
        var response = context.Response;
        HeaderDictionary? headers = null;
        response.OnStarting(() =>
        {
            headers = new HeaderDictionary(
                response.Headers.ToDictionary(h => h.Key, h => h.Value, StringComparer.OrdinalIgnoreCase));
            return Task.CompletedTask;
        });

        var body = response.Body;
        await using var buffer = new ResponseBuffer(body, PageCache.MaximumBodySize, response);
        response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            response.Body = body;
        }

        if (buffer.PassedThrough)
        {
            return (null, ReadOnlyMemory<byte>.Empty);
        }

        var held = buffer.Held();
        if (held.Length == 0)
        {
            // Nothing to keep; the response completes as it would have (Kestrel adds Content-Length: 0).
            return (null, held);
        }

        await response.StartAsync(context.RequestAborted);
        var keep = response.StatusCode == StatusCodes.Status200OK && headers is not null
            && !headers.ContainsKey(HeaderNames.SetCookie) && !context.RequestAborted.IsCancellationRequested
            && !IsLargeUncompressedPage(headers, encoding, held.Length);
        var expiresAt = Environment.TickCount64 + (long)PageCache.Lifetime.TotalMilliseconds;
        return (keep ? new CachedPage(headers!, held, tag, version, expiresAt) : null, held);
    }

    private static bool IsLargeUncompressedPage(HeaderDictionary headers, string encoding, int length) =>
        encoding == Identity && length > PageCache.MaximumUncompressedPageSize
        && headers[HeaderNames.ContentType].ToString().StartsWith("text/html", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Path, the encoding the response is compressed with (negotiated from Accept-Encoding by the very provider
    /// the compression middleware asks, so br, gzip or identity: never the header itself, which a client can
    /// vary at will) and the version of what the page shows, so no entry built from an older snapshot can answer
    /// once a new one is swapped in.
    /// </summary>
    private (string Key, string Tag, string Version, string Encoding) KeyOf(HttpContext context)
    {
        var request = context.Request;
        string version;
        string tag;
        if (request.RouteValues.TryGetValue("slug", out var value) && value is string slug
            && library.Current.Comparisons.TryGetValue(slug, out var article))
        {
            version = versions.ForComparison(article);
            tag = PageVersions.ComparisonTag(slug);
        }
        else
        {
            version = versions.ForListing();
            tag = PageVersions.ListingTag;
        }

        var encoding = compression.CheckRequestAcceptsCompression(context)
            ? compression.GetCompressionProvider(context)?.EncodingName ?? Identity
            : Identity;
        return (string.Concat(request.Path.Value, "\n", encoding, "\n", version), tag, version, encoding);
    }
}
