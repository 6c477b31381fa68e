using ComparisonSite.Figures;
using ComparisonSite.Figures.Calculator;
using ComparisonSite.Figures.Claims;
using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace ComparisonSite.Markdown.DataReferences;

/// <summary>Renders a table, chart or environment block from the results snapshot of this render.</summary>
public sealed class DataBlockRenderer : HtmlObjectRenderer<DataBlock>
{
    protected override void Write(HtmlRenderer renderer, DataBlock obj)
    {
        if (renderer is not FigureHtmlRenderer { Context: { } context })
        {
            renderer.Write("<p>");
            DataReferencePlaceholder.Write(renderer, obj.Source);
            renderer.WriteLine("</p>");
            return;
        }

        var figure = new FigureWriter(renderer, context, obj.Source, obj.Line);
        Write(figure, obj);
        context.AddReading(figure.Reading);
    }

    private static void Write(FigureWriter figure, DataBlock obj)
    {
        if (obj.Reference is { Kind: DataReferenceKind.Calculator } calculator)
        {
            WriteCalculator(figure, calculator);
            return;
        }

        if (obj.Reference is { Kind: DataReferenceKind.Claims })
        {
            ClaimCheckWriter.Write(figure);
            return;
        }

        if (ResolvedReference.Of(figure, obj.Reference, obj.Error, block: true) is not var (reference, runs))
        {
            return;
        }

        switch (reference.Kind)
        {
            case DataReferenceKind.Table:
                var frameworksAsColumns = reference.Options.GetValueOrDefault("layout", "columns") == "columns";
                BenchmarkTableWriter.Write(figure, runs, reference.Series, reference.Frameworks, frameworksAsColumns);
                break;
            case DataReferenceKind.Chart:
                var horizontal = reference.Flags.Contains("horizontal");
                ChartWriter.Write(figure, runs, reference.Series, reference.Frameworks, horizontal);
                break;
            case DataReferenceKind.Scaling:
                ScalingWriter.Write(
                    figure, runs[0], reference.Arguments[0], reference.Arguments[1], reference.Frameworks);
                break;
            default:
                EnvironmentWriter.Write(figure, runs[0]);
                break;
        }
    }

    // One calculator an article: its no-JavaScript page (/<slug>/cost) serves the article's calculator.
    private static void WriteCalculator(FigureWriter figure, DataReference reference)
    {
        var context = figure.Context;
        var id = context.NextFigureId("calculator", []);
        if (id != "calculator")
        {
            figure.WriteUnresolved("an article has one calculator; this is a second", block: true);
            return;
        }

        if (CalculatorReference.Build(figure, reference, block: true, id) is { } model)
        {
            var input = model.Default;
            var formAction = SiteAddresses.Cost(context.Article.Slug);
            CalculatorWriter.Write(figure, model, input, CalculatorForm.Of(input), formAction);
        }
    }
}
