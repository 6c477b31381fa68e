using ComparisonSite.Content;
using ComparisonSite.Figures;
using ComparisonSite.Figures.Calculator;
using ComparisonSite.Markdown.DataReferences;
using ComparisonSite.Results.Store;
using Markdig.Syntax;

namespace ComparisonSite.Articles;

/// <summary>
/// An article's <c>{{calculator}}</c> outside the article: the block as the editor wrote it, and its HTML for any
/// input, written by the same code as the article's (for <c>/&lt;slug&gt;/cost</c>).
/// </summary>
public static class ArticleCalculator
{
    /// <summary>The article's calculator block (an article has at most one), or null.</summary>
    public static DataBlock? Find(ComparisonArticle article) =>
        article.Bodies.SelectMany(b => b.Descendants<DataBlock>())
            .FirstOrDefault(b => b.Reference?.Kind == DataReferenceKind.Calculator);

    /// <summary>
    /// The calculator for <paramref name="input"/> with the fields showing <paramref name="form"/>, its in-page links
    /// pointing into the article; null when the store cannot answer it (the article shows "n/a" then).
    /// </summary>
    public static string? Render(
        ComparisonArticle article, DataBlock block, ResultsSnapshot snapshot, FigureFormatter formatter,
        CalculatorInput input, CalculatorForm form)
    {
        var context = ComparisonFigures.Context(article, snapshot, formatter);
        using var writer = new StringWriter();
        var renderer = new FigureHtmlRenderer(writer, context);
        var figure = new FigureWriter(renderer, context, block.Source, block.Line);
        if (CalculatorReference.Build(figure, block.Reference!, block: true, "calculator") is not { } model)
        {
            return null;
        }

        CalculatorWriter.Write(figure, model, input, form, SiteAddresses.Cost(article.Slug));
        var inArticle = SiteAddresses.InArticle(article.Slug, "");
        return writer.ToString().Replace("href=\"#", $"href=\"{inArticle}", StringComparison.Ordinal);
    }
}
