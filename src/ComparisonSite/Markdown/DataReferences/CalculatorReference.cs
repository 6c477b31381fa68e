using ComparisonSite.Figures;
using ComparisonSite.Figures.Calculator;

namespace ComparisonSite.Markdown.DataReferences;

/// <summary>A <c>{{calculator}}</c> reference handed to <see cref="CalculatorModel"/> (which knows no Markdown).
/// </summary>
public static class CalculatorReference
{
    public static CalculatorModel? Build(FigureWriter figure, DataReference reference, bool block, string? id = null) =>
        CalculatorModel.Build(
            figure, reference.Selectors, reference.Series[0], reference.Frameworks, reference.CalculatorDefault, block,
            id);
}
