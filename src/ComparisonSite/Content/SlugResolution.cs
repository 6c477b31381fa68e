namespace ComparisonSite.Content;

public enum SlugStatus
{
    Found,
    Moved,
    Gone,
    NotFound,
}

/// <summary>The answer to a request for a slug: the comparison, its new address, its withdrawal, or nothing.</summary>
public sealed record SlugResolution(SlugStatus Status, ComparisonArticle? Article);
