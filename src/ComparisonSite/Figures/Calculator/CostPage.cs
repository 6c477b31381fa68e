using System.Globalization;

namespace ComparisonSite.Figures.Calculator;

/// <summary>
/// The query of a comparison's calculator without JavaScript (at <see cref="SiteAddresses.Cost"/>),
/// <c>?requests=…&amp;peak=…&amp;headroom=…</c>, defined once for the form that sends to it, the page that
/// answers and its redirects.
/// </summary>
public static class CostPage
{
    /// <summary>
    /// The one query an input is shown under: all three fields, in form order, each in its shortest plain form
    /// ("?requests=10000000&amp;peak=3&amp;headroom=0.7").
    /// </summary>
    public static string CanonicalQuery(CalculatorInput input) =>
        $"?{CalculatorBounds.RequestsField}={input.RequestsPerDay.ToString(CultureInfo.InvariantCulture)}"
        + $"&{CalculatorBounds.PeakField}={CalculatorBounds.Text(input.Peak)}"
        + $"&{CalculatorBounds.HeadroomField}={CalculatorBounds.Text(input.Headroom)}";
}
