namespace ComparisonSite.Results.Import;

/// <summary>How an import treats what is already in the store.</summary>
public sealed record ImportOptions
{
    public static readonly ImportOptions Default = new();

    /// <summary>
    /// Let the document's declarations change catalog entries that already exist (a framework's name, a metric's
    /// unit or direction). The catalog is shared by every suite, so without this an import that would change an
    /// entry is refused: the import verb's <c>--update-catalog</c>.
    /// </summary>
    public bool UpdateCatalog { get; init; }

    /// <summary>
    /// When the run's data counts as changed if the run is new or its content differs from the stored run's;
    /// the time of the import when null. The seed passes the run's own date, so two stores seeded from the same
    /// file date their pages alike.
    /// </summary>
    public DateTimeOffset? ChangedAt { get; init; }
}
