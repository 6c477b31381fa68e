using System.Globalization;
using System.Text;

namespace ComparisonSite.Results.Import;

/// <summary>
/// What one text, web address or date of an import may hold, shared by the JSON and CSV parsers. Imported text
/// reaches pages, downloads, feeds and the terminal (<c>runs</c>), so it carries no control characters; a web
/// address becomes a link, so it is http(s) only; a date picks a suite's current run, so it is a plausible one.
/// </summary>
public static class FieldRules
{
    /// <summary>The earliest date a run, or its period, may carry.</summary>
    public static readonly DateOnly EarliestDate = new(1990, 1, 1);

    /// <summary>The text rule in an author's words, for messages.</summary>
    public const string TextRule =
        "no control characters (only notes may hold line feeds and tabs), no U+FFFE, U+FFFF or lone surrogates";

    /// <summary>The web address rule in an author's words, for messages.</summary>
    public const string WebAddressRule = "an absolute http:// or https:// address without spaces";

    /// <summary>
    /// The latest date a run may carry: tomorrow (UTC), so a run dated today anywhere on Earth is accepted,
    /// and a run dated 9999-12-31 cannot become every suite's current run for good.
    /// </summary>
    public static DateOnly LatestDate(TimeProvider? clock = null) =>
        DateOnly.FromDateTime((clock ?? TimeProvider.System).GetUtcNow().UtcDateTime).AddDays(1);

    /// <summary>
    /// Why the text breaks <see cref="TextRule"/> (which character, where), or null when it keeps it.
    /// <paramref name="multiline"/> allows line feeds and tabs, for notes.
    /// </summary>
    public static string? TextProblem(string text, bool multiline = false)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            if (IsForbidden(c) && !(multiline && c is '\n' or '\t'))
            {
                return string.Create(CultureInfo.InvariantCulture,
                    $"character {i + 1} is U+{(int)c:X4}, which imported text may not hold ({TextRule})");
            }
        }

        return null;
    }

    /// <summary>True for an absolute http(s) address with a host and no whitespace or control characters.</summary>
    public static bool IsWebAddress(string text) =>
        (text.StartsWith("http://", StringComparison.Ordinal) || text.StartsWith("https://", StringComparison.Ordinal))
        && !text.Any(c => char.IsWhiteSpace(c) || IsForbidden(c))
        && Uri.TryCreate(text, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && uri.Host.Length > 0;

    /// <summary>Why a run's date is outside the window from <see cref="EarliestDate"/> to tomorrow, or null.</summary>
    public static string? DateProblem(DateOnly date, TimeProvider? clock = null)
    {
        var latest = LatestDate(clock);
        return date < EarliestDate || date > latest
            ? string.Create(CultureInfo.InvariantCulture,
                $"expected a date from {EarliestDate:yyyy-MM-dd} to tomorrow ({latest:yyyy-MM-dd}), "
                + $"found {date:yyyy-MM-dd}")
            : null;
    }

    /// <summary>
    /// A file's text described without being quoted ("empty text", "text of 12 characters"): a message about an
    /// import file says where the problem is (line, field), never what the file holds, since the file may be
    /// anything a link leads to or a CI job is handed.
    /// </summary>
    public static string Described(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? "empty text"
            : string.Create(
                CultureInfo.InvariantCulture, $"text of {text.Length} character{(text.Length == 1 ? "" : "s")}");

    /// <summary>
    /// The text with every character <see cref="TextProblem"/> refuses (line feeds and tabs included) written as
    /// <c>\u001B</c>: for quoting a value back in a message and for printing stored text on a terminal.
    /// </summary>
    public static string Escape(string text)
    {
        if (TextProblem(text) is null)
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                escaped.Append(c).Append(text[++i]);
            }
            else if (IsForbidden(c))
            {
                escaped.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
            else
            {
                escaped.Append(c);
            }
        }

        return escaped.ToString();
    }

    // Cc (C0, DEL, C1), the two noncharacters XML and many tools refuse, and any surrogate not in a pair
    // (callers skip well-formed pairs before asking).
    private static bool IsForbidden(char c) =>
        char.IsControl(c) || c is '\uFFFE' or '\uFFFF' || char.IsSurrogate(c);
}
