using System.ComponentModel.DataAnnotations;

namespace ComparisonSite;

/// <summary>Site-wide settings. Section "Site".</summary>
public sealed class SiteOptions
{
    public const string Section = "Site";

    [Required(AllowEmptyStrings = false)]
    public string Name { get; set; } = "ComparisonSite";

    /// <summary>The public address readers use, e.g. https://comparisons.example; links and canonicals are built from it, never from the request's Host.</summary>
    [Required]
    [Url]
    public string PublicBaseUrl { get; set; } = "http://localhost:5000";

    /// <summary>The culture numbers and dates are shown in.</summary>
    [Required]
    public string Culture { get; set; } = "en-US";
}
