namespace ComparisonSite.Caching;

/// <summary>
/// Marks an endpoint that streams its response (the live preview's events): the cache headers middleware, which
/// holds a whole body to hash it, lets it through untouched.
/// </summary>
internal sealed class StreamedResponseMarker
{
    public static readonly StreamedResponseMarker Instance = new();
}
