using Microsoft.Extensions.Options;

namespace ComparisonSite;

/// <summary>
/// Absolute addresses, always built from the configured public base URL: the request's Host header never
/// reaches a canonical, a feed, a sitemap or structured data.
/// </summary>
public sealed class SiteUrls(IOptions<SiteOptions> options)
{
    private readonly string _base = options.Value.PublicBaseUrl.TrimEnd('/');

    public string Absolute(string path) => _base + (path.StartsWith('/') ? path : "/" + path);

    public string Comparison(string slug) => Absolute(SiteAddresses.Comparison(slug));
}
