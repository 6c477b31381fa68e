using System.ComponentModel.DataAnnotations;

namespace ComparisonSite.Content;

/// <summary>Where the articles live and how the site follows editors' changes. Section "Content".</summary>
public sealed class ContentOptions
{
    public const string Section = "Content";

    /// <summary>The highest <see cref="MaxFileBytes"/> a configuration may set.</summary>
    public const int LargestMaxFileBytes = 16 * 1024 * 1024;

    /// <summary>The content folder; relative paths are resolved against the site root (the folder holding content/ and wwwroot/).</summary>
    [Required]
    public string Path { get; set; } = "content";

    /// <summary>Reload when a file under the content folder changes, so a save shows on the next browser reload.</summary>
    public bool WatchForChanges { get; set; } = true;

    /// <summary>Serve comparisons marked draft (on for development, off in production).</summary>
    public bool ShowDrafts { get; set; }

    /// <summary>Files larger than this are refused rather than parsed: keeps a runaway file from eating memory.</summary>
    [Range(1024, LargestMaxFileBytes)]
    public int MaxFileBytes { get; set; } = 1024 * 1024;
}
