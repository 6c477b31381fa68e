using System.ComponentModel.DataAnnotations;

namespace ComparisonSite.Editing;

/// <summary>The editor's tools in Development. Section "Editor".</summary>
public sealed class EditorOptions
{
    public const string Section = "Editor";

    /// <summary>
    /// How many live preview event streams may be open at once; one more answers 503 with Retry-After. Each
    /// open stream holds a connection (a file descriptor) for as long as its page is open: an editor has a few
    /// tabs, so 100 leaves a wide margin while keeping a runaway script from exhausting the process's files.
    /// </summary>
    [Range(1, 10_000)]
    public int MaxEventStreams { get; set; } = 100;
}
