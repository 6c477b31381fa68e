using ComparisonSite.Articles;

namespace ComparisonSite.Pages;

/// <summary>
/// What the "Data updates" partial shows: the cited runs, and whether it closes the methodology section (an h3
/// under the section's h2) or stands under the article header on a page without one (an h2).
/// </summary>
public sealed record DataUpdatesBlock(IReadOnlyList<DataUpdate> Updates, bool InSection)
{
    /// <summary>The section the block closes: the one figures' provenance links point to.</summary>
    public const string SectionAnchor = "methodology";
}
