using Microsoft.AspNetCore.StaticFiles;

namespace ComparisonSite.Caching;

/// <summary>
/// HTTP caching, all of it: the page cache (generated responses kept in memory, see
/// <see cref="PageCacheMiddleware"/>), ETags, conditional requests, Cache-Control and Vary for generated
/// responses (<see cref="CacheHeadersMiddleware"/>), and the lifetimes of static files. Endpoints opt into the
/// page cache with <see cref="CachePage"/>.
/// </summary>
public static class HttpCaching
{
    /// <summary>The page cache, its versions and eviction, and the static files' cache lifetimes.</summary>
    public static IServiceCollection AddHttpCaching(this IServiceCollection services)
    {
        services.AddSingleton(sp =>
        {
            var room = sp.GetRequiredService<CacheRoom>();
            return new PageCache(sp.GetRequiredService<ILogger<PageCache>>(), () => room.PageCacheBytes);
        });
        services.AddSingleton<PageVersions>();
        services.AddSingleton<IPageChangeListener, PageCacheEviction>();
        services.AddHostedService<PageChanges>();
        // UseStaticFiles() without arguments reads these options.
        services.Configure<StaticFileOptions>(o => o.OnPrepareResponse = SetStaticFileLifetime);
        return services;
    }

    // Caching takes two places in the pipeline, as a hit must be answered before the middleware that a miss
    // must pass through; no single call can sit in both:
    // - UsePageCache right after routing and the start-up gate: a hit skips everything behind it (error pages,
    //   request log, compression).
    // - UseCacheHeaders behind the error and status-code pages (whose responses it describes too) and the
    //   request log (which sees the 304s it answers), and in front of compression, as an ETag hashes the bytes
    //   actually sent. The 405s and trailing-slash redirects answered before it get none of its headers.

    /// <summary>
    /// Serves generated responses kept by the page cache, and keeps new ones (see <see cref="PageCacheMiddleware"/>).
    /// Right after routing and the start-up gate.
    /// </summary>
    public static IApplicationBuilder UsePageCache(this IApplicationBuilder app) =>
        app.UseMiddleware<PageCacheMiddleware>();

    /// <summary>
    /// ETags, 304s, Cache-Control and Vary for generated responses (see <see cref="CacheHeadersMiddleware"/>).
    /// Behind the error pages and the request log, in front of compression and static files.
    /// </summary>
    public static IApplicationBuilder UseCacheHeaders(this IApplicationBuilder app) =>
        app.UseMiddleware<CacheHeadersMiddleware>();

    /// <summary>The endpoint's 200 responses are kept by the page cache (<see cref="PageCacheMiddleware"/>).</summary>
    public static TBuilder CachePage<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(CachedPageMarker.Instance);

    /// <summary>Fingerprinted files (?v=hash, see Pages/_ViewImports.cshtml) never change: kept for a year.</summary>
    private static void SetStaticFileLifetime(StaticFileResponseContext file) =>
        file.Context.Response.Headers.CacheControl = file.Context.Request.Query.ContainsKey("v")
            ? CacheControlValues.FingerprintedFile
            : CacheControlValues.StaticFile;
}

/// <summary>Marks an endpoint whose responses the page cache keeps.</summary>
internal sealed class CachedPageMarker
{
    public static readonly CachedPageMarker Instance = new();
}

/// <summary>
/// Keeps a page out of the page cache although it is a Razor page (all of which are marked with
/// <see cref="HttpCaching.CachePage"/>): a page whose answer depends on its query string, which the cache key
/// leaves out, and which would otherwise fill the cache with one entry per distinct query (site search, the
/// calculator's <c>/&lt;slug&gt;/cost</c>). Both cost memory reads only, so the site answers each request.
/// Shared caches must not keep them either (<see cref="CacheControlValues.PerQueryPage"/>, set by
/// CacheHeadersMiddleware).
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class NoPageCacheAttribute : Attribute;
