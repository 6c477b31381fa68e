using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.Headers;
using Microsoft.Net.Http.Headers;

namespace ComparisonSite;

/// <summary>
/// Strong ETags for generated responses (pages, sitemap, feed, downloads): a hash of the exact bytes sent,
/// taken after compression so each encoding has its own tag. If-None-Match and If-Modified-Since answer 304.
/// Static files are left to the static file middleware, which tags them itself.
/// </summary>
internal sealed class EntityTagMiddleware(RequestDelegate next)
{
    private static readonly string[] StaticFolders = ["/css/", "/js/", "/lib/", "/images/", "/favicon"];

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            || StaticFolders.Any(f => request.Path.StartsWithSegments(f.TrimEnd('/'), StringComparison.OrdinalIgnoreCase)))
        {
            await next(context);
            return;
        }

        var response = context.Response;
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
            if (IsNotModified(request.GetTypedHeaders(), tag, response.GetTypedHeaders().LastModified))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                response.ContentLength = null;
                response.Headers.Remove(HeaderNames.ContentType);
                return;
            }
        }

        if (HttpMethods.IsHead(request.Method))
        {
            // HEAD describes the GET response (same ETag and length) without sending it.
            response.ContentLength ??= buffer.Length;
            return;
        }

        // The whole body is in hand: send its length rather than chunks (cache hits send the stored body's
        // length too). An empty body keeps no length, or the status code pages would take it for an answer
        // and not render the 404 page.
        if (buffer.Length > 0)
        {
            response.ContentLength = buffer.Length;
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(body, context.RequestAborted);
    }

    /// <summary>If-None-Match decides when present; otherwise If-Modified-Since against Last-Modified.</summary>
    public static bool IsNotModified(RequestHeaders request, EntityTagHeaderValue tag, DateTimeOffset? lastModified)
    {
        if (request.IfNoneMatch is { Count: > 0 } candidates)
        {
            return candidates.Any(c => c.Equals(EntityTagHeaderValue.Any) || c.Compare(tag, useStrongComparison: true));
        }

        return request.IfModifiedSince is { } since && lastModified is { } modified && modified <= since;
    }
}

internal static class EntityTagRegistration
{
    public static IApplicationBuilder UseEntityTags(this IApplicationBuilder app) => app.UseMiddleware<EntityTagMiddleware>();

    /// <summary>Fingerprinted files (?v=hash, see Pages/_ViewImports.cshtml) never change: cache them for a year.</summary>
    public static StaticFileOptions StaticFileCaching() => new()
    {
        OnPrepareResponse = file =>
        {
            file.Context.Response.Headers.CacheControl = file.Context.Request.Query.ContainsKey("v")
                ? "public, max-age=31536000, immutable"
                : "public, max-age=3600";
        },
    };
}
