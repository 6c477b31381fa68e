using ComparisonSite.Figures;
using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace ComparisonSite.Markdown.DataReferences;

/// <summary>
/// Renders an inline reference from the results snapshot of this render. Without one (a plain Markdown
/// render, e.g. in a unit test) it shows a visible placeholder: no number is ever invented.
/// </summary>
public sealed class DataReferenceInlineRenderer : HtmlObjectRenderer<DataReferenceInline>
{
    protected override void Write(HtmlRenderer renderer, DataReferenceInline obj)
    {
        if (obj.ReviewedReason is not null)
        {
            return;
        }

        if (renderer is not FigureHtmlRenderer { Context: { } context })
        {
            DataReferencePlaceholder.Write(renderer, obj.Source);
            if (obj.OwnsThan)
            {
                renderer.WriteEscape(" than");
            }

            return;
        }

        var figure = new FigureWriter(renderer, context, obj.Source, obj.Line);
        if (obj.Reference is { Kind: DataReferenceKind.CalculatorValue } value)
        {
            CalculatorValueWriter.Write(figure, obj, value);
            return;
        }

        if (ResolvedReference.Of(figure, obj.Reference, obj.Error, block: false) is not var (reference, runs))
        {
            // An unresolved comparison shows "n/a"; the sentence keeps its "than".
            if (obj.OwnsThan)
            {
                renderer.WriteEscape(" than");
            }

            return;
        }

        var run = runs[0];

        var args = reference.Arguments;
        switch (reference.Kind)
        {
            case DataReferenceKind.Value:
                InlineFigureWriter.WriteValue(
                    figure, run, args[0], args[1], args[2], withUnit: !reference.WithoutUnit, reference.RoundTo);
                break;
            case DataReferenceKind.Ratio or DataReferenceKind.Percent or DataReferenceKind.Diff:
                var connective = InlineFigureWriter.WriteComparison(
                    figure, run, ComparisonOf(reference.Kind), args[0], args[1], args[2], args[3]);
                if (obj.OwnsThan)
                {
                    renderer.WriteEscape(connective);
                }

                break;
            case DataReferenceKind.Best:
                InlineFigureWriter.WriteBest(figure, run, args[0], args[1], reference.Frameworks);
                break;
            case DataReferenceKind.Ranking:
                RankingWriter.WriteRanking(figure, run, args[0], args[1], reference.Frameworks);
                break;
            case DataReferenceKind.Agreement:
                RankingWriter.WriteAgreement(figure, runs[0], runs[1], args[0], args[1], reference.Frameworks);
                break;
            default:
                // The parser turns a block kind inside text into an error, so this is only a safety net.
                figure.WriteUnresolved("this kind must stand alone on its own line", block: false);
                break;
        }
    }

    private static FigureComparison ComparisonOf(DataReferenceKind kind) => kind switch
    {
        DataReferenceKind.Ratio => FigureComparison.Ratio,
        DataReferenceKind.Percent => FigureComparison.Percent,
        _ => FigureComparison.Difference,
    };
}
