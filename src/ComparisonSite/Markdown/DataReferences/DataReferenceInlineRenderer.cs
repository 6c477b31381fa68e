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
        if (renderer is not FigureHtmlRenderer { Context: not null } figures)
        {
            DataReferencePlaceholder.Write(renderer, obj.Source);
        }
        else if (obj.Reference is null)
        {
            figures.WriteUnresolved(obj.Line, obj.Source, obj.Error!, block: false);
        }
        else
        {
            InlineFigureWriter.Write(figures, obj.Reference, obj.Line);
        }
    }
}

/// <summary>Renders a table, chart or environment block from the snapshot of this render.</summary>
public sealed class DataBlockRenderer : HtmlObjectRenderer<DataBlock>
{
    protected override void Write(HtmlRenderer renderer, DataBlock obj)
    {
        if (renderer is not FigureHtmlRenderer { Context: { } context } figures)
        {
            renderer.Write("<p>");
            DataReferencePlaceholder.Write(renderer, obj.Source);
            renderer.WriteLine("</p>");
            return;
        }

        if (obj.Reference is not { } reference)
        {
            figures.WriteUnresolved(obj.Line, obj.Source, obj.Error!, block: true);
            return;
        }

        var run = context.Run(reference.RunId, out var problem);
        if (run is null)
        {
            figures.WriteUnresolved(obj.Line, obj.Source, problem!, block: true);
            return;
        }

        switch (reference.Kind)
        {
            case DataReferenceKind.Table:
                BenchmarkTableWriter.Write(figures, reference, run, obj.Line);
                break;
            case DataReferenceKind.Chart:
                ChartWriter.Write(figures, reference, run, obj.Line);
                break;
            default:
                EnvironmentWriter.Write(figures, run);
                break;
        }
    }
}

internal static class DataReferencePlaceholder
{
    public static void Write(HtmlRenderer renderer, string source) =>
        renderer.Write("<span class=\"data-pending\" title=\"Benchmark figure from the results store: ").WriteEscape(source).Write("\">[benchmark data pending]</span>");
}
