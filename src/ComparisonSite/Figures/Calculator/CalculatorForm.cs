namespace ComparisonSite.Figures.Calculator;

/// <summary>
/// What the calculator's fields show: the values as entered and, for input the calculator refuses, a message per
/// field (<see cref="CalculatorBounds.RequestsField"/> …). The result beside it is for the last good input.
/// </summary>
public sealed record CalculatorForm(
    string Requests, string Peak, string Headroom, IReadOnlyDictionary<string, string> Errors)
{
    public static CalculatorForm Of(CalculatorInput input) => new(
        input.RequestsPerDay.ToString(System.Globalization.CultureInfo.InvariantCulture),
        CalculatorBounds.Text(input.Peak),
        CalculatorBounds.Text(input.Headroom),
        new Dictionary<string, string>());
}
