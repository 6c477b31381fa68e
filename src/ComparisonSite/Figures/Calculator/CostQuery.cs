using Microsoft.Extensions.Primitives;

namespace ComparisonSite.Figures.Calculator;

/// <summary>
/// The query of <c>/&lt;slug&gt;/cost</c> read strictly: each of requests, peak and headroom at most once and within
/// <see cref="CalculatorBounds"/>; a field left out takes the article calculator's default; other parameters are
/// ignored. Either an input, or the fields as entered with a message for each refused one.
/// </summary>
public sealed record CostQuery(CalculatorInput? Input, CalculatorForm Form)
{
    public static CostQuery Parse(IQueryCollection query, CalculatorInput defaults)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var fallback = CalculatorForm.Of(defaults);
        var requestsText = Field(query, CalculatorBounds.RequestsField, fallback.Requests, errors);
        var peakText = Field(query, CalculatorBounds.PeakField, fallback.Peak, errors);
        var headroomText = Field(query, CalculatorBounds.HeadroomField, fallback.Headroom, errors);
        var requests = Check(CalculatorBounds.Requests(requestsText, out var e1), CalculatorBounds.RequestsField, e1);
        var peak = Check(CalculatorBounds.Peak(peakText, out var e2), CalculatorBounds.PeakField, e2);
        var headroom = Check(CalculatorBounds.Headroom(headroomText, out var e3), CalculatorBounds.HeadroomField, e3);
        var form = new CalculatorForm(Shown(requestsText), Shown(peakText), Shown(headroomText), errors);
        return errors.Count == 0
            ? new CostQuery(new CalculatorInput(requests!.Value, peak!.Value, headroom!.Value), form)
            : new CostQuery(null, form);

        T? Check<T>(T? value, string field, string? error)
            where T : struct
        {
            if (error is not null)
            {
                errors.TryAdd(field, error);
            }

            return value;
        }
    }

    private static string Field(
        IQueryCollection query, string name, string fallback, Dictionary<string, string> errors)
    {
        if (!query.TryGetValue(name, out StringValues values))
        {
            return fallback;
        }

        if (values.Count > 1)
        {
            errors[name] = $"Give {name} once: the address holds it {values.Count} times.";
            return values[0] ?? string.Empty;
        }

        return values[0] ?? string.Empty;
    }

    // What the field shows back: as entered, minus characters no form field should carry, and not a flood.
    private static string Shown(string text)
    {
        var clean = new string([.. text.Where(c => !char.IsControl(c))]);
        return clean.Length > 40 ? clean[..40] : clean;
    }
}
