using System.Text;

namespace ComparisonSite.Figures;

/// <summary>
/// Permanent ids for the figures of one page. An id is made from what the figure shows (kind, scenarios, metrics,
/// runs), not from its position, so adding a chart above another does not break links to it; a second figure
/// showing the same thing gets "-2", "-3".
/// </summary>
internal sealed class FigureIds
{
    private const int MaxLength = 64;
    private readonly Dictionary<string, int> _used = new(StringComparer.Ordinal);

    /// <summary>"chart-json-rps" for a chart of scenario json, metric rps.</summary>
    public string Next(string kind, IEnumerable<string> parts)
    {
        var id = new StringBuilder(kind);
        foreach (var part in parts)
        {
            id.Append('-');
            foreach (var c in part)
            {
                id.Append(char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-');
            }
        }

        var text = id.ToString();
        while (text.Contains("--", StringComparison.Ordinal))
        {
            text = text.Replace("--", "-", StringComparison.Ordinal);
        }

        text = text.Length > MaxLength ? text[..MaxLength].TrimEnd('-') : text.TrimEnd('-');
        var count = _used.TryGetValue(text, out var seen) ? seen + 1 : 1;
        _used[text] = count;
        return count == 1 ? text : $"{text}-{count}";
    }
}
