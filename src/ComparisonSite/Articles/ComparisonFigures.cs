using ComparisonSite.Content;
using ComparisonSite.Figures;
using ComparisonSite.Results.Store;

namespace ComparisonSite.Articles;

/// <summary>
/// The one place a comparison's figures are set up: what they read from its front matter (suite, frameworks,
/// origin, server price) and a render's context over a snapshot. The article, its headline, the search index, the
/// data and run pages, the cost page, the import dry run and the editor's catalogue all start here, so a figure
/// reads the same wherever it is rendered.
/// </summary>
public static class ComparisonFigures
{
    /// <summary>What figures need to know about the comparison they appear in.</summary>
    public static FigureArticle Article(ComparisonArticle article) =>
        new(
            article.Slug, article.Meta.Suite, article.Meta.Frameworks, article.Meta.Origin, article.Meta.ServerPrice,
            article.Meta.Claims, article.Folder + "/" + ComparisonLoader.IndexFile);

    /// <summary>A fresh context for one render of the comparison's figures against <paramref name="snapshot"/>.
    /// </summary>
    public static FigureContext Context(
        ComparisonArticle article, ResultsSnapshot snapshot, FigureFormatter formatter, bool showErrors = false) =>
        new(snapshot, Article(article), formatter, showErrors);
}
