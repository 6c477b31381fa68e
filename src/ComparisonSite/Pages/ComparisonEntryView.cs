using ComparisonSite.Front;

namespace ComparisonSite.Pages;

/// <summary>What the comparison-entry partial shows: one entry, under an h2 or (below a section's h2) an h3.</summary>
public sealed record ComparisonEntryView(ComparisonEntry Entry, int HeadingLevel);
