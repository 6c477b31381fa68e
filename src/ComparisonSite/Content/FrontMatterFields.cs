using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using ComparisonSite.Fields;
using YamlDotNet.RepresentationModel;

namespace ComparisonSite.Content;

/// <summary>
/// Reads typed fields out of a front matter mapping, reporting each wrong, missing or unknown key
/// with the line it is on, so one pass tells the editor everything that is wrong with the file.
/// </summary>
internal sealed class FrontMatterFields : FieldReader<YamlNode, YamlNode>
{
    private readonly YamlMappingNode _map;
    private readonly string _file;
    private readonly ICollection<ContentDiagnostic> _diagnostics;
    private readonly (int Line, string Name) _whole;
    private int _errors;

    /// <param name="map">The fields.</param>
    /// <param name="file">The file, for problem locations.</param>
    /// <param name="diagnostics">Where problems go.</param>
    /// <param name="whole">Where a missing key is reported and what it is missing from: the front matter, or one
    /// entry of a list.</param>
    public FrontMatterFields(
        YamlMappingNode map, string file, ICollection<ContentDiagnostic> diagnostics,
        (int Line, string Name)? whole = null)
    {
        _map = map;
        _file = file;
        _diagnostics = diagnostics;
        _whole = whole ?? (1, "the front matter");
    }

    public bool HasErrors => _errors > 0;

    protected override IEnumerable<YamlNode> Keys => _map.Children.Keys;

    public override string? Text(string key, bool required)
    {
        if (!TryGet(key, required, out var node))
        {
            return null;
        }

        if (node is YamlScalarNode { Value: { } value } && !string.IsNullOrWhiteSpace(value))
        {
            var text = value.Trim();
            var max = FrontMatterLimits.TextLength(key);
            return text.Length > max
                ? FailKey(key, $"'{key}' is {text.Length:N0} characters long; at most {max:N0} are allowed")
                : CarriesOnlyXmlCharacters(key, text);
        }

        return FailKey(key, $"'{key}' must be a non-empty text value");
    }

    public int? WholeNumber(string key, bool required)
    {
        var text = Text(key, required);
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        FailKey(key, $"'{key}' must be a whole number, not '{text}'");
        return null;
    }

    public bool Boolean(string key, bool defaultValue)
    {
        if (!TryGet(key, required: false, out var node))
        {
            return defaultValue;
        }

        if (node is YamlScalarNode { Value: { } v } && bool.TryParse(v, out var value))
        {
            return value;
        }

        FailKey(key, $"'{key}' must be true or false");
        return defaultValue;
    }

    public IReadOnlyList<string> TextList(string key, bool required)
    {
        if (!TryGet(key, required, out var node))
        {
            return [];
        }

        if (node is YamlSequenceNode sequence && sequence.Children.Count > 0
            && sequence.Children.All(c => c is YamlScalarNode { Value: { } v } && !string.IsNullOrWhiteSpace(v)))
        {
            var max = FrontMatterLimits.ListCount(key);
            if (sequence.Children.Count > max)
            {
                FailKey(key, $"'{key}' has {sequence.Children.Count:N0} entries; at most {max:N0} are allowed");
                return [];
            }

            var tooLong = sequence.Children.FirstOrDefault(
                c => ((YamlScalarNode)c).Value!.Trim().Length > FrontMatterLimits.ListEntryLength);
            if (tooLong is not null)
            {
                Fail(
                    tooLong,
                    $"'{key}' entry {sequence.Children.IndexOf(tooLong) + 1} is "
                    + $"{((YamlScalarNode)tooLong).Value!.Trim().Length:N0} characters long; "
                    + $"at most {FrontMatterLimits.ListEntryLength:N0} are allowed");
                return [];
            }

            var values = sequence.Children.Select(c => ((YamlScalarNode)c).Value!.Trim()).ToArray();
            return values.All(v => CarriesOnlyXmlCharacters(key, v) is not null) ? values : [];
        }

        FailKey(key, $"'{key}' must be a non-empty list of text values, e.g. {key}: [a, b]");
        return [];
    }

    /// <summary>
    /// A mapping of slugs to whole numbers from <paramref name="min"/> to <paramref name="max"/>
    /// (<c>key: { a: 1, b: 2 }</c>), each entry with its own line; an empty list when the key is absent or wrong.
    /// </summary>
    public IReadOnlyList<(string Name, int Value, int Line)> WholeNumberMap(
        string key, int min, int max, string example)
    {
        if (!TryGet(key, required: false, out var node))
        {
            return [];
        }

        if (node is not YamlMappingNode { Children.Count: > 0 } map)
        {
            FailKey(key, $"'{key}' must be a set of 'name: number' entries, e.g. {key}: {example}");
            return [];
        }

        if (map.Children.Count > FrontMatterLimits.ListCount(key))
        {
            FailKey(
                key,
                $"'{key}' has {map.Children.Count:N0} entries; at most {FrontMatterLimits.ListCount(key):N0} "
                + "are allowed");
            return [];
        }

        var entries = new List<(string, int, int)>();
        foreach (var (name, value) in map.Children)
        {
            var slug = (name as YamlScalarNode)?.Value;
            var text = (value as YamlScalarNode)?.Value;
            if (slug is null || !Identifiers.IsSlug(slug))
            {
                Fail(name, $"'{key}' entry '{slug ?? "?"}' must be named by a slug, e.g. {key}: {example}");
            }
            else if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
                || number < min || number > max)
            {
                Fail(name, $"'{key}' entry '{slug}' must be a whole number from {min} to {max}, not '{text ?? "?"}'");
            }
            else
            {
                entries.Add((slug, number, LineOf(name)));
            }
        }

        return entries;
    }

    /// <summary>The file line a key's value starts on (1 when the key is absent), for later checks.</summary>
    public int LineOf(string key) => TryFind(key, out var node) ? LineOf(node) : 1;

    /// <summary>
    /// A positive amount such as 20 or 12.50, at most <paramref name="max"/>, with at most two decimals (cents).
    /// </summary>
    public decimal? Amount(string key, bool required, decimal max)
    {
        var text = Text(key, required);
        if (text is null)
        {
            return null;
        }

        if (decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            && value > 0 && value <= max && decimal.Round(value, 2) == value)
        {
            return value;
        }

        FailKey(key, $"'{key}' must be an amount above 0 and at most {max:0}, with at most two decimals, not '{text}'");
        return null;
    }

    /// <summary>
    /// A nested set of fields (<c>key: { a: …, b: … }</c>) read with typed accessors of its own, reporting on the
    /// same file; null when the key is absent or not such a set.
    /// </summary>
    public FrontMatterFields? Mapping(string key, string example)
    {
        if (!TryGet(key, required: false, out var node))
        {
            return null;
        }

        if (node is YamlMappingNode map)
        {
            return new FrontMatterFields(map, _file, _diagnostics);
        }

        FailKey(key, $"'{key}' must be a set of 'name: value' entries, e.g. {key}: {example}");
        return null;
    }

    /// <summary>
    /// A list of field sets (<c>key:</c> then <c>- a: …</c> entries), each read with typed accessors of its own and
    /// paired with the line its entry starts on; an empty list when the key is absent or not such a list.
    /// </summary>
    public IReadOnlyList<(FrontMatterFields Fields, int Line)> MappingList(string key, string example)
    {
        if (!TryGet(key, required: false, out var node))
        {
            return [];
        }

        if (node is not YamlSequenceNode { Children.Count: > 0 } sequence
            || sequence.Children.Any(c => c is not YamlMappingNode))
        {
            FailKey(key, $"'{key}' must be a list of entries, each a set of 'name: value' fields, e.g. {example}");
            return [];
        }

        var max = FrontMatterLimits.ListCount(key);
        if (sequence.Children.Count > max)
        {
            FailKey(key, $"'{key}' has {sequence.Children.Count:N0} entries; at most {max:N0} are allowed");
            return [];
        }

        return [.. sequence.Children.Select((c, i) => (
            new FrontMatterFields(
                (YamlMappingNode)c, _file, _diagnostics, (LineOf(c), $"'{key}' entry {i + 1}")),
            LineOf(c)))];
    }

    public override void Reject(string key, string message)
    {
        if (TryGet(key, required: false, out _))
        {
            FailKey(key, message);
        }
        else
        {
            _errors++;
            _diagnostics.Add(ContentDiagnostic.Error(_file, 1, message));
        }
    }

    protected override bool TryFind(string key, [MaybeNullWhen(false)] out YamlNode value) =>
        _map.Children.TryGetValue(new YamlScalarNode(key), out value);

    protected override string NameOf(YamlNode key) => (key as YamlScalarNode)?.Value ?? "?";

    protected override void ReportMissing(string key)
    {
        _errors++;
        _diagnostics.Add(
            ContentDiagnostic.Error(_file, _whole.Line, $"required key '{key}' is missing from {_whole.Name}"));
    }

    protected override void ReportUnknown(YamlNode key, string expected) =>
        Fail(key, $"unknown key '{NameOf(key)}' (expected one of: {expected})");

    protected override string NotADate(string key, string text) =>
        $"'{key}' must be a date written as YYYY-MM-DD, not '{text}'";

    // A quoted YAML escape ("\x01", "\uFFFE") gets such characters past the YAML parser; the feed and sitemap
    // are XML, so the editor hears about it here, with the line, rather than readers getting a broken feed.
    private string? CarriesOnlyXmlCharacters(string key, string value)
    {
        var invalid = XmlCharacters.IndexOfInvalid(value);
        if (invalid < 0)
        {
            return value;
        }

        var name = XmlCharacters.Name(value[invalid]);
        return FailKey(
            key,
            $"'{key}' contains {name} at character {invalid + 1}, which a web page, feed or sitemap cannot carry; " +
            "remove it");
    }

    private string? Fail(YamlNode node, string message)
    {
        _errors++;
        _diagnostics.Add(ContentDiagnostic.Error(_file, LineOf(node), message));
        return null;
    }

    // A value's problem is reported on its key's line: an aliased value (*name) is defined elsewhere.
    private string? FailKey(string key, string message) =>
        Fail(_map.Children.Keys.First(k => (k as YamlScalarNode)?.Value == key), message);

    private static int LineOf(YamlNode node) => (int)node.Start.Line + FrontMatterDocument.YamlLineOffset;
}
