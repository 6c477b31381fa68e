using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace ComparisonSite.Fields;

/// <summary>
/// Reads the typed fields of one object an editor wrote (a front matter mapping, an object of a run document):
/// notes every key a caller asks for, reports a required one that is missing, and at the end every key nobody
/// asked for, so a typo never passes silently and one pass names every problem in the file.
/// </summary>
/// <remarks>
/// A format's reader supplies what only it knows: how a key's value is found (<typeparamref name="TKey"/> and
/// <typeparamref name="TValue"/> are its nodes), what text is, and how a problem is worded and placed (a line in
/// front matter, a JSON path in a run document).
/// </remarks>
internal abstract class FieldReader<TKey, TValue>
{
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);

    /// <summary>The object's keys, in the order the file gives them.</summary>
    protected abstract IEnumerable<TKey> Keys { get; }

    /// <summary>Non-blank text, trimmed, that keeps the format's text rules; null (reported) otherwise.</summary>
    public abstract string? Text(string key, bool required);

    /// <summary>A date written as YYYY-MM-DD, the one way both formats spell one.</summary>
    public DateOnly? Date(string key, bool required)
    {
        var text = Text(key, required);
        if (text is null)
        {
            return null;
        }

        if (!DateOnly.TryParseExact(
                text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            Reject(key, NotADate(key, text));
            return null;
        }

        if (DateProblem(date) is { } problem)
        {
            Reject(key, problem);
            return null;
        }

        return date;
    }

    /// <summary>Accepts a key that no typed accessor reads.</summary>
    public void Allow(string key) => _known.Add(key);

    /// <summary>Reports every key that no typed accessor asked for.</summary>
    public void RejectUnknownKeys()
    {
        foreach (var key in Keys.Where(k => !_known.Contains(NameOf(k))))
        {
            ReportUnknown(key, string.Join(", ", _known.Order(StringComparer.Ordinal)));
        }
    }

    /// <summary>
    /// Records a problem with a field, placed where the format places one: for checks only the caller can make.
    /// </summary>
    public abstract void Reject(string key, string message);

    /// <summary>
    /// The key's value, noting the key as asked for; a missing one is reported when <paramref name="required"/>.
    /// </summary>
    protected bool TryGet(string key, bool required, [MaybeNullWhen(false)] out TValue value)
    {
        _known.Add(key);
        if (TryFind(key, out value))
        {
            return true;
        }

        if (required)
        {
            ReportMissing(key);
        }

        return false;
    }

    /// <summary>The key's value, when the object holds one.</summary>
    protected abstract bool TryFind(string key, [MaybeNullWhen(false)] out TValue value);

    protected abstract string NameOf(TKey key);

    protected abstract void ReportMissing(string key);

    /// <param name="key">The key no accessor asked for.</param>
    /// <param name="expected">The keys asked for, in ordinal order and comma-separated.</param>
    protected abstract void ReportUnknown(TKey key, string expected);

    /// <summary>Why <paramref name="text"/> is not a YYYY-MM-DD date, in the format's words.</summary>
    protected abstract string NotADate(string key, string text);

    /// <summary>Why a well-formed date is still not one the field may hold, or null (any date) by default.</summary>
    protected virtual string? DateProblem(DateOnly date) => null;
}
