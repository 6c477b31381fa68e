using System.Buffers.Text;
using System.Security.Cryptography;
using ComparisonSite.Caching.Edge;
using Microsoft.Net.Http.Headers;

namespace ComparisonSite.Caching;

/// <summary>
/// Validators and cache lifetimes for generated responses, that is every response an endpoint answers (pages,
/// sitemap, feed, downloads, health, the error and status-code pages). Static files have no endpoint: the
/// static file middleware tags them itself and <see cref="HttpCaching"/> sets their lifetimes.
/// <list type="bullet">
/// <item>A strong ETag: a hash of the exact bytes sent, taken after compression so each encoding has its own
/// tag. If-None-Match and If-Modified-Since answer 304.</item>
/// <item>Cache-Control: browsers may keep a response for a minute and then revalidate it with its ETag; shared
/// caches (a CDN, Varnish) for s-maxage, as purges by surrogate key (Edge/) end it early; health and error
/// responses are never kept.</item>
/// <item>The surrogate keys (<see cref="EdgeHeaders"/>).</item>
/// <item>Vary: Accept-Encoding, so caches keep the brotli, gzip and plain representations apart.</item>
/// </list>
/// </summary>
internal sealed class CacheHeadersMiddleware(RequestDelegate next, EdgeHeaders edge)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var endpoint = context.GetEndpoint();
        if (endpoint is null || !ReadMethods.IsRead(request.Method)
            || endpoint.Metadata.GetMetadata<StreamedResponseMarker>() is not null)
        {
            await next(context);
            return;
        }

        var response = context.Response;
        // When the response starts: after any 304 below, and also for the error page of an exception.
        response.OnStarting(() =>
        {
            SetLifetime(context);
            return Task.CompletedTask;
        });

        var body = response.Body;
        using var buffer = new MemoryStream();
        response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            response.Body = body;
        }

        if (response.StatusCode == StatusCodes.Status200OK && !response.Headers.ContainsKey(HeaderNames.ETag))
        {
            var hash = SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
            var tag = new EntityTagHeaderValue($"\"{Base64Url.EncodeToString(hash.AsSpan(0, 18))}\"");
            response.GetTypedHeaders().ETag = tag;
            var lastModified = response.GetTypedHeaders().LastModified;
            if (ConditionalRequest.IsNotModified(request.GetTypedHeaders(), tag, lastModified))
            {
                ConditionalRequest.AnswerNotModified(response);
                return;
            }
        }

        // The whole body is in hand: send its length rather than chunks (cache hits send the stored body's
        // length too). An empty body keeps no length, or the status code pages would take it for an answer
        // and not render the 404 page.
        if (ReadMethods.IsHead(request.Method))
        {
            // HEAD describes the GET response (same ETag and length, or the same 404 page) without sending it.
            if (buffer.Length > 0)
            {
                response.ContentLength ??= buffer.Length;
            }

            return;
        }

        if (buffer.Length > 0)
        {
            response.ContentLength = buffer.Length;
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(body, context.RequestAborted);
    }

    private void SetLifetime(HttpContext context)
    {
        var response = context.Response;
        var headers = response.Headers;
        if (!headers.ContainsKey(HeaderNames.CacheControl))
        {
            var perQuery = context.GetEndpoint()?.Metadata.GetMetadata<NoPageCacheAttribute>() is not null;
            headers.CacheControl = response.StatusCode is not (200 or 301 or 304 or 410) ? CacheControlValues.NoStore
                : perQuery ? CacheControlValues.PerQueryPage
                : edge.PublicCacheControl;
        }

        edge.SetKeys(context);

        if (!headers.Vary.Contains(HeaderNames.AcceptEncoding))
        {
            headers.Append(HeaderNames.Vary, HeaderNames.AcceptEncoding);
        }
    }
}
