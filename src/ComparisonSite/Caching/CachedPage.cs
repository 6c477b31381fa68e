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

    public CachedPage(IHeaderDictionary headers, byte[] body, string tag, string version, long expiresAt)
    {
        // Content-Length follows the body; Date is Kestrel's, fresh on every response.
        _headers = [.. headers.Where(h => !IsPerResponse(h.Key))];
        Body = body;
        // Header text is UTF-16; each header also holds a string array and two string objects (~64 bytes).
        Size = body.Length + _headers.Sum(h => 64 + (2L * (h.Key.Length + h.Value.Sum(v => v?.Length ?? 0))));
        Tag = tag;
        Version = version;
        ExpiresAt = expiresAt;
        var typed = new Microsoft.AspNetCore.Http.Headers.ResponseHeaders(headers);
        _entityTag = typed.ETag;
        _lastModified = typed.LastModified;
    }

    public byte[] Body { get; }

    /// <summary>The comparison (or listings) this page shows, as <see cref="PageCache.EvictByTag"/> matches.</summary>
    public string Tag { get; }

    /// <summary>The version of what the page shows (<see cref="PageVersions"/>) when it was rendered.</summary>
    public string Version { get; }

    /// <summary>In <see cref="Environment.TickCount64"/> milliseconds.</summary>
    public long ExpiresAt { get; }

    /// <summary>What the page holds in memory, roughly (see <see cref="PageCache.SizeOf"/>).</summary>
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
        return ReadMethods.IsHead(context.Request.Method)
            ? Task.CompletedTask
            : response.Body.WriteAsync(Body, context.RequestAborted).AsTask();
    }

    private static bool IsPerResponse(string header) =>
        HeaderNames.ContentLength.Equals(header, StringComparison.OrdinalIgnoreCase)
        || HeaderNames.Date.Equals(header, StringComparison.OrdinalIgnoreCase);
}
