using ComparisonSite.Figures;
using ComparisonSite.Figures.Calculator;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ComparisonSite.Markdown.DataReferences;

/// <summary>
/// <c>{{calculator-value FRAMEWORK servers|monthly-cost|throughput}}</c>: a number from the default result of the
/// calculator in the same file, so prose such as "about $20 a month at 10 million requests a day" is computed by
/// the very code that fills the calculator's table.
/// </summary>
internal static class CalculatorValueWriter
{
    public static void Write(FigureWriter figure, DataReferenceInline inline, DataReference reference)
    {
        var calculators = DocumentOf(inline)?.Descendants<DataBlock>()
            .Where(b => b.Reference?.Kind == DataReferenceKind.Calculator)
            .ToList() ?? [];
        if (calculators.Count == 0)
        {
            figure.WriteUnresolved(
                "calculator-value cites the {{calculator …}} of its own file, and this file has none", block: false);
            return;
        }

        if (CalculatorReference.Build(figure, calculators[0].Reference!, block: false) is not { } model)
        {
            return;
        }

        var framework = reference.Arguments[0];
        var row = model.Rows.FirstOrDefault(r => r.Framework == framework);
        if (row is null)
        {
            var shown = string.Join(", ", model.Rows.Select(r => r.Framework));
            figure.WriteUnresolved($"the calculator shows {shown}, not '{framework}'", block: false);
            return;
        }

        var culture = figure.Context.Formatter.Culture;
        var result = ServerCostCalculator.Compute(model.Default, row.Throughput.Value, model.Price.UsdPerMonth);
        var (text, value) = reference.Arguments[1] switch
        {
            "servers" => (
                $"{CalculatorWriter.Servers(culture, result.Servers)} server{(result.Servers == 1 ? "" : "s")}",
                (double)result.Servers),
            "monthly-cost" => (CalculatorWriter.Money(culture, result.MonthlyCost), (double)result.MonthlyCost),
            _ => (figure.Context.Formatter.Value(row.Throughput.Value, model.Metric), row.Throughput.Value),
        };
        figure.WriteFigure(model.Run.Run, text, value);
    }

    private static MarkdownDocument? DocumentOf(Inline inline)
    {
        Block? block = null;
        for (Inline? current = inline; current is not null && block is null; current = current.Parent)
        {
            block = (current as ContainerInline)?.ParentBlock;
        }

        while (block?.Parent is { } parent)
        {
            block = parent;
        }

        return block as MarkdownDocument;
    }
}
