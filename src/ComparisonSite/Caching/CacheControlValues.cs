using System.Globalization;

namespace ComparisonSite.Caching;

/// <summary>Every Cache-Control value the site sends, in one place, each with who may keep what for how long.</summary>
public static class CacheControlValues
{
    /// <summary>
    /// A public generated page: browsers keep it a minute and then revalidate; shared caches keep it for
    /// <paramref name="sharedMaxAgeSeconds"/>, as purges tell them when it changes.
    /// </summary>
    public static string PublicPage(int sharedMaxAgeSeconds) => string.Create(
        CultureInfo.InvariantCulture, $"public, max-age=60, s-maxage={sharedMaxAgeSeconds}, must-revalidate");

    /// <summary>
    /// A page whose answer depends on its query (search, the cost page): a browser may keep it a minute, a CDN or
    /// the edge cache must not keep one copy per query.
    /// </summary>
    public const string PerQueryPage = "private, max-age=60";

    /// <summary>Errors, health answers and event streams: nobody keeps them.</summary>
    public const string NoStore = "no-store";

    /// <summary>Fingerprinted static files (?v=hash, see Pages/_ViewImports.cshtml) never change: a year.</summary>
    public const string FingerprintedFile = "public, max-age=31536000, immutable";

    /// <summary>Static files addressed without a fingerprint: an hour.</summary>
    public const string StaticFile = "public, max-age=3600";
}
