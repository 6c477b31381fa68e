namespace ComparisonSite.Figures;

/// <summary>What figures need to know about the article they appear in.</summary>
/// <param name="Slug">The article's address, for its download links.</param>
/// <param name="Suite">The benchmark suite whose latest run a reference without run=ID cites.</param>
/// <param name="Frameworks">The article's frameworks, in its order: the default columns and the colour order.</param>
public sealed record FigureArticle(string Slug, string Suite, IReadOnlyList<string> Frameworks);
