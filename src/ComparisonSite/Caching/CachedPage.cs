using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace ComparisonSite.Caching;

/// <summary>
/// A finished 200 response as the site sent it: its headers (already with ETag, Cache-Control, Vary and any
/// Content-Encoding) and its exact body bytes. Serving it is copying both out; nothing is parsed or recomputed.
/// </summary>
internal sealed class CachedPage
{
    private readonly KeyValuePair<string, StringValues>[] _headers;
    private readonly EntityTagHeaderValue? _entityTag;
    private readonly DateTimeOffset? _lastModified;

    public CachedPage(IHeaderDictionary headers, byte[] body, string tag, long expiresAt)
    {
        // Content-Length follows the body; Date is Kestrel's, fresh on every response.
        _headers = [.. headers.Where(h => !HeaderNames.ContentLength.Equals(h.Key, StringComparison.OrdinalIgnoreCase) && !HeaderNames.Date.Equals(h.Key, StringComparison.OrdinalIgnoreCase))];
        Body = body;
        Size = body.Length + _headers.Sum(h => h.Key.Length + h.Value.ToString().Length);
        Tag = tag;
        ExpiresAt = expiresAt;
        var typed = new Microsoft.AspNetCore.Http.Headers.ResponseHeaders(headers);
        _entityTag = typed.ETag;
        _lastModified = typed.LastModified;
    }

    public byte[] Body { get; }

    /// <summary>The comparison (or the listings) this page shows: what <see cref="PageCache.EvictByTag"/> matches.</summary>
    public string Tag { get; }

    /// <summary>In <see cref="Environment.TickCount64"/> milliseconds.</summary>
    public long ExpiresAt { get; }

    /// <summary>What the entry holds in memory, roughly: the body and the header text.</summary>
    public long Size { get; }

    public Task WriteAsync(HttpContext context)
    {
        var response = context.Response;
        foreach (var (name, value) in _headers)
        {
            response.Headers[name] = value;
        }

        // Most hits are not revalidations: parse the request's conditional headers only when it sends one.
        if (_entityTag is not null && ConditionalRequest.IsConditional(context.Request)
            && ConditionalRequest.IsNotModified(context.Request.GetTypedHeaders(), _entityTag, _lastModified))
        {
            ConditionalRequest.AnswerNotModified(response);
            return Task.CompletedTask;
        }

        response.ContentLength = Body.Length;
        return HttpMethods.IsHead(context.Request.Method) ? Task.CompletedTask : response.Body.WriteAsync(Body, context.RequestAborted).AsTask();
    }
}
