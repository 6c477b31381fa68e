using System.ComponentModel.DataAnnotations;

namespace ComparisonSite.Content;

/// <summary>Where the articles live and how the site follows editors' changes. Section "Content".</summary>
public sealed class ContentOptions
{
    public const string Section = "Content";

    /// <summary>The highest <see cref="MaxFileBytes"/> a configuration may set.</summary>
    public const int LargestMaxFileBytes = 16 * 1024 * 1024;

    /// <summary>
    /// The content folder; relative paths are resolved against the site root (the folder holding content/ and
    /// wwwroot/).
    /// </summary>
    [Required]
    public string Path { get; set; } = "content";

    /// <summary>
    /// Reload when a file under the content folder changes, so a save shows on the next browser reload.
    /// </summary>
    public bool WatchForChanges { get; set; } = true;

    /// <summary>
    /// A reload waits until no file under the content folder has changed for this long, so a save written in
    /// parts is loaded whole (see <see cref="ContentWatcher"/> for the limit); atomic saves show within a second.
    /// </summary>
    [Range(50, 10_000)]
    public int QuietMilliseconds { get; set; } = 500;

    /// <summary>
    /// How often the whole folder's file list, sizes and times are compared with what was loaded: catches
    /// changes the file events missed (file systems that drop them, a content folder replaced unseen).
    /// </summary>
    [Range(1, 86_400)]
    public int RescanSeconds { get; set; } = 30;

    /// <summary>Serve comparisons marked draft (on for development, off in production).</summary>
    public bool ShowDrafts { get; set; }

    /// <summary>
    /// Files larger than this are refused rather than parsed: keeps a runaway file from eating memory.
    /// </summary>
    [Range(1024, LargestMaxFileBytes)]
    public int MaxFileBytes { get; set; } = 1024 * 1024;
}
