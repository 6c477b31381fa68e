namespace ComparisonSite.Seo;

/// <summary>
/// What the layout puts in &lt;head&gt; for a page: title, description, canonical, previews, structured data.
/// </summary>
public sealed record PageMetadata
{
    public required string Title { get; init; }
    public required string Description { get; init; }

    /// <summary>Absolute canonical URL; null for pages that must not be indexed (errors).</summary>
    public string? Canonical { get; init; }

    public string OpenGraphType { get; init; } = "website";
    public DateTimeOffset? Published { get; init; }
    public DateTimeOffset? Modified { get; init; }

    /// <summary>Absolute URL of the link-preview image.</summary>
    public string? Image { get; init; }

    public string? ImageAlt { get; init; }

    public bool NoIndex { get; init; }

    /// <summary>Absolute URLs of the previous and next page of a listing split over pages (rel prev/next).</summary>
    public string? Previous { get; init; }

    public string? Next { get; init; }

    /// <summary>JSON-LD documents, already serialized with HTML-sensitive characters escaped.</summary>
    public IReadOnlyList<string> StructuredData { get; init; } = [];
}
