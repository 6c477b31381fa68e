using System.Globalization;
using System.Text.RegularExpressions;
using CsvHelper;
using CsvHelper.Configuration;

namespace ComparisonSite.Downloads;

/// <summary>
/// A CSV writer for files readers open in a spreadsheet: a text field that begins with =, +, -, @, tab or carriage
/// return is written with a leading apostrophe, so no name, title or source taken from an import runs as a formula.
/// Figures (one number, or numbers separated by spaces) are left as they are: a negative figure stays a number, and
/// digits, signs and exponents alone cannot call anything.
/// </summary>
internal sealed partial class SpreadsheetSafeCsvWriter(TextWriter writer) : CsvWriter(writer, SafeConfiguration)
{
    private static readonly CsvConfiguration SafeConfiguration = new(CultureInfo.InvariantCulture)
    {
        InjectionOptions = InjectionOptions.Escape,
        InjectionCharacters = ['=', '+', '-', '@', '\t', '\r'],
        InjectionEscapeCharacter = '\'',
    };

    protected override string? SanitizeForInjection(string? field) =>
        field is not null && Figures().IsMatch(field) ? field : base.SanitizeForInjection(field);

    [GeneratedRegex(@"^-?\d+(\.\d+)?(E[-+]?\d+)?( -?\d+(\.\d+)?(E[-+]?\d+)?)*$", RegexOptions.CultureInvariant)]
    private static partial Regex Figures();
}
