using System.Security.Cryptography;
using System.Text.Json;

namespace ComparisonSite.Results.Import;

/// <summary>
/// A fingerprint of what a run says: its suite, every field of the run and every measurement (in a fixed order,
/// without the file positions the parser keeps for messages). Equal for a re-import of the same data, whatever
/// the file's layout or the order of its results; different when any figure or field differs.
/// </summary>
public static class RunContentHash
{
    public static string Compute(RunDocument document)
    {
        var content = new
        {
            document.Suite,
            document.Run,
            Origin = document.Run.Origin.ToText(),
            Results = document.Results
                .OrderBy(r => r.Framework, StringComparer.Ordinal)
                .ThenBy(r => r.Scenario, StringComparer.Ordinal)
                .ThenBy(r => r.Metric, StringComparer.Ordinal)
                .Select(r => new { r.Framework, r.Scenario, r.Metric, r.Value, r.Samples }),
        };
        var bytes = JsonSerializer.SerializeToUtf8Bytes(content);
        // The setup counts only when given, so a run imported before setups existed keeps its hash (and the date
        // its pages carry) when it is imported again.
        if (document.Run.Setup.Count > 0)
        {
            bytes = [.. bytes, .. JsonSerializer.SerializeToUtf8Bytes(document.Run.Setup)];
        }

        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }
}
