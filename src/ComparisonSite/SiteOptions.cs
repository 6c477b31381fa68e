using System.ComponentModel.DataAnnotations;

namespace ComparisonSite;

/// <summary>Site-wide settings. Section "Site".</summary>
public sealed class SiteOptions
{
    public const string Section = "Site";

    [Required(AllowEmptyStrings = false)]
    public string Name { get; set; } = "ComparisonSite";

    /// <summary>
    /// The public address readers use, e.g. https://comparisons.example; links and canonicals are built from
    /// it, never from the request's Host.
    /// </summary>
    [Required]
    [Url]
    public string PublicBaseUrl { get; set; } = "http://localhost:5000";

    /// <summary>
    /// Console log format: "text" for people, "json" (compact JSON, one event a line) for log shippers.
    /// </summary>
    [RegularExpression("^(text|json)$")]
    public string LogFormat { get; set; } = "text";

    /// <summary>
    /// Proxies (IP addresses) whose X-Forwarded-For and X-Forwarded-Proto the site trusts. Empty: forwarded
    /// headers are ignored, so a client cannot spoof its address or scheme.
    /// </summary>
    public string[] TrustedProxies { get; set; } = [];

    /// <summary>The culture numbers and dates are shown in.</summary>
    [Required]
    public string Culture { get; set; } = "en-US";

    /// <summary>
    /// The most measurements one generated page shows (a run page, a difference of two runs, the data page's
    /// trends). A run with more is split into numbered parts; every measurement stays in the downloads. Bounds
    /// both a page's size (about 1.4 KB of HTML a measurement: its table cell, and its chart's point, table row and
    /// data) and what rendering one uncached page costs.
    /// </summary>
    [Range(1, 20_000)]
    public int MeasurementsPerPage { get; set; } = 1_000;

    /// <summary>
    /// How many comparisons the home page and each tag page list; more are split over pages (<c>/page/2</c>, …),
    /// so a listing costs the same to render however many comparisons there are.
    /// </summary>
    [Range(1, 500)]
    public int ListingPageSize { get; set; } = 20;

    /// <summary>
    /// The most URLs /sitemap.xml lists itself. Beyond it, /sitemap.xml becomes a sitemap index naming files of
    /// at most this many URLs each. 50,000 is the sitemap protocol's limit.
    /// </summary>
    [Range(1, 50_000)]
    public int SitemapUrlsPerFile { get; set; } = 50_000;
}
