using Microsoft.AspNetCore.Http.Headers;
using Microsoft.Net.Http.Headers;

namespace ComparisonSite.Caching;

/// <summary>
/// If-None-Match and If-Modified-Since, for the responses this site generates: one rule for a response just
/// rendered (<see cref="CacheHeadersMiddleware"/>) and one kept by the page cache (<see cref="CachedPage"/>).
/// </summary>
internal static class ConditionalRequest
{
    /// <summary>Most requests are not revalidations: a caller can skip parsing headers that are not there.</summary>
    public static bool IsConditional(HttpRequest request) =>
        request.Headers.ContainsKey(HeaderNames.IfNoneMatch)
        || request.Headers.ContainsKey(HeaderNames.IfModifiedSince);

    /// <summary>If-None-Match decides when present; otherwise If-Modified-Since against Last-Modified.</summary>
    public static bool IsNotModified(RequestHeaders request, EntityTagHeaderValue tag, DateTimeOffset? lastModified)
    {
        if (request.IfNoneMatch is { Count: > 0 } candidates)
        {
            return candidates.Any(c => c.Equals(EntityTagHeaderValue.Any) || c.Compare(tag, useStrongComparison: true));
        }

        return request.IfModifiedSince is { } since && lastModified is { } modified && modified <= since;
    }

    /// <summary>Turns the response into a 304: the same headers, no body and nothing that describes one.</summary>
    public static void AnswerNotModified(HttpResponse response)
    {
        response.StatusCode = StatusCodes.Status304NotModified;
        response.ContentLength = null;
        response.Headers.Remove(HeaderNames.ContentType);
    }
}
