namespace ComparisonSite.Articles;

/// <summary>An article's words as a reader reads them: the summary's and each section's, in page order.</summary>
public sealed record ArticleText(string Summary, IReadOnlyList<string> Sections);
