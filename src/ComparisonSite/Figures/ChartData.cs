using System.Text.Json;
using System.Text.Json.Serialization;

namespace ComparisonSite.Figures;

/// <summary>
/// The JSON a chart script reads: labels are scenarios, each series a framework with its colour slot.
/// </summary>
internal sealed record ChartData(
    string Title, string Unit, int Decimals, bool Horizontal, IReadOnlyList<string> Labels,
    IReadOnlyList<ChartSeries> Series);

/// <summary>
/// One framework's bars. <paramref name="Min"/> and <paramref name="Max"/> are the smallest and largest sample of
/// each bar, drawn as whiskers (null for a bar without a spread); both are left out when no bar has one.
/// </summary>
internal sealed record ChartSeries(
    string Label,
    string Framework,
    int Colour,
    IReadOnlyList<double?> Values,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<double?>? Min = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<double?>? Max = null);

/// <summary>Serialization written at compile time: no reflection or code generation on a page's first render.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ChartData))]
internal sealed partial class ChartJson : JsonSerializerContext;
