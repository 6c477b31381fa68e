using System.Text.RegularExpressions;

namespace ComparisonSite.Checks.Claims;

/// <summary>
/// The words the check reads as a performance claim, and the words that say whose claim it is: the one place an
/// editor changes either list. A sentence that names a framework of its article and holds a claim word needs a
/// data reference, an attribution or a <c>{{reviewed: REASON}}</c> mark (<see cref="UnattributedClaims"/>).
/// </summary>
public static partial class ClaimVocabulary
{
    /// <summary>Comparatives and superlatives of speed, weight and lead, matched as whole words, any case.</summary>
    public static readonly IReadOnlyList<string> ClaimWords =
    [
        "faster", "fastest", "slower", "slowest", "quicker", "quickest", "lighter", "lightest", "heavier",
        "heaviest", "leaner", "leanest", "outperforms", "outperformed", "outperform", "performance leader",
        "the leader",
        "by a wide margin", "more throughput", "most throughput", "higher throughput", "lower latency",
        "less memory", "more memory", "more efficient", "most efficient", "scales better",
    ];

    /// <summary>
    /// Phrases that attribute a sentence to someone ("the source reports …", "according to …"), matched as whole
    /// words, any case. The sources of the suite's reported runs (e.g. "Bytepulse") count as well.
    /// </summary>
    public static readonly IReadOnlyList<string> Attributions =
    [
        "according to", "the source", "source's", "reported", "reports", "says", "said", "found", "claims",
        "claimed", "survey", "in its",
    ];

    /// <summary>A pattern matching any of <paramref name="phrases"/> as whole words, longest first.</summary>
    public static Regex Pattern(IEnumerable<string> phrases) => new(
        @"\b(?:" + string.Join('|', phrases.OrderByDescending(p => p.Length).Select(Regex.Escape)) + @")\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
        TimeSpan.FromSeconds(1));
}
