using System.Globalization;
using Microsoft.Extensions.Options;

namespace ComparisonSite.Caching.Edge;

/// <summary>
/// What a generated response tells a shared cache: its surrogate keys (<see cref="SurrogateKeys"/>) in the
/// configured header, and s-maxage beside the browser's max-age. Set as the response starts, so the page cache
/// keeps both with the page and its hits send them unchanged.
/// </summary>
public sealed class EdgeHeaders(SurrogateKeys keys, IOptions<EdgeOptions> options)
{
    /// <summary>The keys header, on every generated response (it costs nothing).</summary>
    public void SetKeys(HttpContext context)
    {
        var edge = options.Value;
        context.Response.Headers[edge.KeyHeader] = string.Join(edge.KeySeparator, keys.For(context));
    }

    /// <summary>
    /// Cache-Control of a public generated response: browsers keep it a minute and then revalidate, as before;
    /// shared caches keep it for s-maxage, as purges tell them when it changes.
    /// </summary>
    public string PublicCacheControl => CacheControlValues.PublicPage(options.Value.SharedMaxAgeSeconds);
}
