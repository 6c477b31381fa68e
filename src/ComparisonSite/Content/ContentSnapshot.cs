using System.Collections.Immutable;

namespace ComparisonSite.Content;

/// <summary>
/// Everything under content/ as one immutable value. A reload builds a new snapshot and swaps it in,
/// so a request always sees one consistent version of every comparison.
/// </summary>
public sealed record ContentSnapshot
{
    public static readonly ContentSnapshot Empty = new()
    {
        Comparisons = ImmutableSortedDictionary<string, ComparisonArticle>.Empty,
        Diagnostics = [],
        LoadedAt = DateTimeOffset.MinValue,
    };

    /// <summary>Comparisons by slug. Slugs are the only way a URL reaches content.</summary>
    public required ImmutableSortedDictionary<string, ComparisonArticle> Comparisons { get; init; }

    /// <summary>
    /// Problems found by the load that made this snapshot (including files whose last good version is kept).
    /// </summary>
    public required IReadOnlyList<ContentDiagnostic> Diagnostics { get; init; }

    public required DateTimeOffset LoadedAt { get; init; }

    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
}
