namespace ComparisonSite.Search;

/// <summary>
/// One comparison that matched, at its best matching section: the link goes to that section, the snippet is
/// about thirty words around the section's first match.
/// </summary>
public sealed record SearchResult(
    string Slug,
    HighlightedText ComparisonTitle,
    HighlightedText SectionTitle,
    string Href,
    HighlightedText Snippet,
    IReadOnlyList<SearchSectionLink> AlsoIn);

/// <summary>Another section of the same comparison that matched too.</summary>
public sealed record SearchSectionLink(string Title, string Href);
