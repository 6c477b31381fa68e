using System.Text.Json;
using System.Text.Json.Serialization;

namespace ComparisonSite.Figures;

/// <summary>
/// The JSON a chart script reads: labels are scenarios, each series a framework with its colour slot.
/// </summary>
internal sealed record ChartData(
    string Title, string Unit, int Decimals, bool Horizontal, IReadOnlyList<string> Labels,
    IReadOnlyList<ChartSeries> Series);

internal sealed record ChartSeries(string Label, string Framework, int Colour, IReadOnlyList<double?> Values);

/// <summary>Serialization written at compile time: no reflection or code generation on a page's first render.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ChartData))]
internal sealed partial class ChartJson : JsonSerializerContext;
