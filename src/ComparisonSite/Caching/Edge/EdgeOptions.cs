using System.ComponentModel.DataAnnotations;

namespace ComparisonSite.Caching.Edge;

/// <summary>
/// The shared cache in front of the instances (a CDN or Varnish): how long it may keep a page, the header that
/// names what a page depends on, and where purges go. Section "Edge".
/// </summary>
public sealed class EdgeOptions
{
    public const string Section = "Edge";

    /// <summary>
    /// s-maxage of generated pages: how long a shared cache keeps them. Purges make it long safely; it is also
    /// the longest a reader can see an old page when a purge is lost.
    /// </summary>
    [Range(0, 31_536_000)]
    public int SharedMaxAgeSeconds { get; set; } = 86_400;

    /// <summary>The response header with the surrogate keys: Surrogate-Key (Fastly, Varnish) or Cache-Tag.</summary>
    [Required(AllowEmptyStrings = false)]
    [RegularExpression("^[A-Za-z0-9-]+$")]
    public string KeyHeader { get; set; } = "Surrogate-Key";

    /// <summary>Between keys in <see cref="KeyHeader"/>: a space (Fastly, Varnish) or a comma (Cloudflare).</summary>
    [Required(AllowEmptyStrings = true)]
    [MinLength(1)]
    public string KeySeparator { get; set; } = " ";

    /// <summary>Attempts per purge (the first and its retries), with doubling delays between them.</summary>
    [Range(1, 10)]
    public int PurgeAttempts { get; set; } = 4;

    /// <summary>The delay before the first retry; each later retry waits twice as long.</summary>
    [Range(0, 60_000)]
    public int RetryDelayMilliseconds { get; set; } = 250;

    /// <summary>Where purges go; none by default (the key header is sent either way).</summary>
    public List<PurgerOptions> Purgers { get; set; } = [];
}

/// <summary>
/// One HTTP purge endpoint, configured rather than coded per vendor. Templates (URL, header values, body) may
/// hold <c>{keys}</c> (the keys joined by <see cref="Separator"/>), <c>{keys:json}</c> (a JSON array of them)
/// and <c>{key}</c> (one key: the purger then sends one request per key).
/// </summary>
public sealed class PurgerOptions
{
    /// <summary>Names the purger in logs.</summary>
    public string Name { get; set; } = "purger";

    /// <summary>BAN or PURGE for Varnish, POST for Fastly and Cloudflare.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Method { get; set; } = "POST";

    [Required(AllowEmptyStrings = false)]
    public string Url { get; set; } = string.Empty;

    /// <summary>Request headers by name, values as templates (e.g. Surrogate-Key: {keys}, Fastly-Key: token).</summary>
    public Dictionary<string, string> Headers { get; set; } = [];

    /// <summary>A body template, e.g. <c>{"tags":{keys:json}}</c> for Cloudflare; none when empty.</summary>
    public string? Body { get; set; }

    /// <summary>The body's media type.</summary>
    public string BodyContentType { get; set; } = "application/json";

    /// <summary>Between keys in <c>{keys}</c>.</summary>
    public string Separator { get; set; } = " ";

    /// <summary>At most this many keys per request (Cloudflare takes 30 tags a call); 0 sends all in one.</summary>
    [Range(0, 10_000)]
    public int BatchSize { get; set; }

    /// <summary>Per request.</summary>
    [Range(1, 120)]
    public int TimeoutSeconds { get; set; } = 5;
}
