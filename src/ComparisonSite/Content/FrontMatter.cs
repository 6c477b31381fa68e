namespace ComparisonSite.Content;

/// <summary>The front matter of a comparison's index.md.</summary>
public sealed record ArticleFrontMatter
{
    public required string Title { get; init; }
    public required string Description { get; init; }
    public required string Slug { get; init; }
    public required DateOnly Published { get; init; }
    public required DateOnly Updated { get; init; }
    public required string Author { get; init; }

    /// <summary>Framework slugs from the results store's catalog, in the order the article presents them.</summary>
    public required IReadOnlyList<string> Frameworks { get; init; }

    /// <summary>The benchmark suite whose latest run the article cites.</summary>
    public required string Suite { get; init; }

    public bool Draft { get; init; }
}

/// <summary>The front matter of one section file of a comparison.</summary>
public sealed record SectionFrontMatter
{
    public required string Title { get; init; }
    public required int Order { get; init; }

    /// <summary>The section's id on the page; derived from the title when the editor gives none.</summary>
    public string? Anchor { get; init; }
}
