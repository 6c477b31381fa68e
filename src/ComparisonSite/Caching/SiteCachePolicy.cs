using ComparisonSite.Content;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Net.Http.Headers;

namespace ComparisonSite.Caching;

/// <summary>
/// Output caching for everything the site generates: pages, sitemap, feed and downloads. Entries are keyed by
/// path, Accept-Encoding (the cached body is already compressed and tagged) and the page's version, and
/// tagged by comparison so a change evicts exactly the pages it affects.
/// </summary>
internal sealed class SiteCachePolicy : IOutputCachePolicy
{
    public const string Name = "site";

    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        // Development pages carry the live content-problems panel, so they are always rendered fresh.
        var cacheable = (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
            && !http.Request.Headers.ContainsKey(HeaderNames.Authorization)
            && !http.RequestServices.GetRequiredService<IHostEnvironment>().IsDevelopment();
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = TimeSpan.FromHours(1);
        context.CacheVaryByRules.HeaderNames = HeaderNames.AcceptEncoding;

        var versions = http.RequestServices.GetRequiredService<PageVersions>();
        var library = http.RequestServices.GetRequiredService<ContentLibrary>();
        var slug = http.Request.RouteValues.TryGetValue("slug", out var value) ? value as string : null;
        if (slug is not null && library.Current.Comparisons.TryGetValue(slug, out var article))
        {
            context.CacheVaryByRules.VaryByValues["version"] = versions.ForComparison(article);
            context.Tags.Add(PageVersions.ComparisonTag(slug));
        }
        else
        {
            context.CacheVaryByRules.VaryByValues["version"] = versions.ForListing();
            context.Tags.Add(PageVersions.ListingTag);
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        // Only finished, public answers: no errors, no 503 while data loads, nothing that sets a cookie.
        if (response.StatusCode != StatusCodes.Status200OK || response.Headers.ContainsKey(HeaderNames.SetCookie))
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }
}
