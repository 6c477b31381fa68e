using System.Text.Json;
using ComparisonSite.Fields;
using static ComparisonSite.Identifiers;

namespace ComparisonSite.Results.Import;

/// <summary>
/// Reads typed fields from one JSON object, recording a problem with the field's JSON path for every value
/// that is missing, of the wrong type or out of range, and for every key nobody asked for.
/// </summary>
internal sealed class JsonObjectReader : FieldReader<JsonProperty, JsonElement>
{
    private const int MaxText = 10_000;
    private readonly JsonElement _element;
    private readonly List<ImportProblem> _problems;

    private JsonObjectReader(JsonElement element, string path, List<ImportProblem> problems)
    {
        _element = element;
        Path = path;
        _problems = problems;
    }

    public string Path { get; }

    protected override IEnumerable<JsonProperty> Keys => _element.EnumerateObject();

    public static JsonObjectReader? Create(JsonElement element, string path, List<ImportProblem> problems)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            return new JsonObjectReader(element, path, problems);
        }

        problems.Add(new ImportProblem(path, $"expected an object, found {Describe(element)}"));
        return null;
    }

    /// <summary>
    /// Non-blank text within <see cref="MaxText"/> characters, trimmed, that keeps <see cref="FieldRules.TextRule"/>.
    /// </summary>
    public override string? Text(string name, bool required) => Text(name, required, multiline: false);

    /// <summary>Text as <see cref="Text(string, bool)"/>, and line feeds and tabs when <c>multiline</c>.</summary>
    public string? Text(string name, bool required, bool multiline)
    {
        if (!TryGet(name, required, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String && TextOf(value) is null)
        {
            return Problem<string>(name, $"the text holds a lone surrogate, which imported text may not hold "
                + $"({FieldRules.TextRule})");
        }

        if (value.ValueKind != JsonValueKind.String
            || TextOf(value) is not { } text
            || string.IsNullOrWhiteSpace(text)
            || text.Length > MaxText)
        {
            return Problem<string>(
                name, $"expected non-empty text of at most {MaxText} characters, found {Describe(value)}");
        }

        return FieldRules.TextProblem(text, multiline) is { } problem ? Problem<string>(name, problem) : text.Trim();
    }

    /// <summary>A web address that keeps <see cref="FieldRules.WebAddressRule"/>.</summary>
    public string? WebAddress(string name)
    {
        var text = Text(name, required: false);
        if (text is null || FieldRules.IsWebAddress(text))
        {
            return text;
        }

        return Problem<string>(name, $"expected {FieldRules.WebAddressRule}");
    }

    public string? Slug(string name, bool required)
    {
        var text = Text(name, required);
        if (text is null || Identifiers.IsSlug(text))
        {
            return text;
        }

        return Problem<string>(name, $"expected a slug ({SlugRule}), found {FieldRules.Described(text)}");
    }

    public string? OneOf(string name, bool required, params string[] allowed)
    {
        var text = Text(name, required);
        if (text is null || allowed.Contains(text, StringComparer.Ordinal))
        {
            return text;
        }

        var choices = string.Join(", ", allowed.Select(a => $"\"{a}\""));
        return Problem<string>(name, $"expected one of {choices}");
    }

    public int? WholeNumber(string name, int minimum, int maximum = int.MaxValue)
    {
        if (!TryGet(name, required: false, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number
            && value.TryGetInt32(out var number)
            && number >= minimum
            && number <= maximum)
        {
            return number;
        }

        var range = maximum == int.MaxValue ? $"{minimum} or more" : $"from {minimum} to {maximum}";
        var found = value.ValueKind == JsonValueKind.Number ? "another number" : Describe(value);
        Problem<string>(name, $"expected a whole number {range}, found {found}");
        return null;
    }

    /// <summary>A measured value: a finite JSON number, zero or more.</summary>
    public double? Measurement(string name, bool required)
    {
        if (!TryGet(name, required, out var value))
        {
            return null;
        }

        return MeasurementValue(value, $"{Path}.{name}");
    }

    public IReadOnlyList<double>? Measurements(string name)
    {
        if (!TryGet(name, required: false, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() == 0)
        {
            return Problem<IReadOnlyList<double>>(
                name, $"expected a non-empty array of numbers, found {Describe(value)}");
        }

        var samples = value.EnumerateArray()
            .Select((item, i) => MeasurementValue(item, $"{Path}.{name}[{i}]"))
            .ToList();
        return samples.All(s => s.HasValue) ? [.. samples.Select(s => s!.Value)] : null;
    }

    public IReadOnlyList<string> TextList(string name)
    {
        if (!TryGet(name, required: false, out var value))
        {
            return [];
        }

        if (value.ValueKind != JsonValueKind.Array
            || !value.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String
                && TextOf(v) is { } text && !string.IsNullOrWhiteSpace(text)))
        {
            return Problem<IReadOnlyList<string>>(
                name, $"expected an array of non-empty text, found {Describe(value)}") ?? [];
        }

        var items = value.EnumerateArray().Select(v => TextOf(v)!).ToList();
        var problems = items.Select((item, i) => (Problem: FieldRules.TextProblem(item), Index: i))
            .Where(p => p.Problem is not null)
            .ToList();
        foreach (var (problem, index) in problems)
        {
            _problems.Add(new ImportProblem($"{Path}.{name}[{index}]", problem!));
        }

        return problems.Count == 0 ? [.. items.Select(i => i.Trim())] : [];
    }

    public JsonObjectReader? Object(string name, bool required) =>
        TryGet(name, required, out var value) ? Create(value, $"{Path}.{name}", _problems) : null;

    /// <summary>The objects of an array field, each with its own indexed path.</summary>
    public IReadOnlyList<JsonObjectReader> Objects(string name, bool required)
    {
        if (!TryGet(name, required, out var value))
        {
            return [];
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            Problem<string>(name, $"expected an array, found {Describe(value)}");
            return [];
        }

        if (required && value.GetArrayLength() == 0)
        {
            Problem<string>(name, "expected at least one entry, found an empty array");
        }

        return [.. value.EnumerateArray()
            .Select((item, i) => Create(item, $"{Path}.{name}[{i}]", _problems))
            .OfType<JsonObjectReader>()];
    }

    public bool Has(string name) => TryFind(name, out _);

    public override void Reject(string name, string message) =>
        _problems.Add(new ImportProblem($"{Path}.{name}", message));

    protected override bool TryFind(string name, out JsonElement value) =>
        _element.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null;

    protected override string NameOf(JsonProperty key) => key.Name;

    protected override void ReportMissing(string name) => Reject(name, "required field is missing");

    protected override void ReportUnknown(JsonProperty key, string expected) =>
        _problems.Add(
            new ImportProblem($"{Path}.{FieldName(key.Name)}", $"unknown field (expected one of: {expected})"));

    protected override string NotADate(string name, string text) =>
        "expected a date as YYYY-MM-DD";

    protected override string? DateProblem(DateOnly date) => FieldRules.DateProblem(date);

    private double? MeasurementValue(JsonElement value, string path)
    {
        if (value.ValueKind != JsonValueKind.Number)
        {
            _problems.Add(new ImportProblem(path, $"expected a number, found {Describe(value)}"));
            return null;
        }

        if (!value.TryGetDouble(out var number) || !double.IsFinite(number))
        {
            _problems.Add(new ImportProblem(path, "the number is outside the range of a double"));
            return null;
        }

        if (number < 0)
        {
            _problems.Add(new ImportProblem(path, "expected zero or more, found a negative number"));
            return null;
        }

        return number;
    }

    private T? Problem<T>(string name, string message)
        where T : class
    {
        Reject(name, message);
        return null;
    }

    // What a value is, never what it holds (see FieldRules.Described).
    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => FieldRules.Described(TextOf(value) ?? "(not valid UTF-16)"),
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => $"the boolean {value.GetRawText()}",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => "null",
    };

    /// <summary>
    /// An unknown key as a problem's location names it: a field name as such (letters, digits, '_', '-', '$', up to
    /// 40), anything else by what it is, since a key may hold what a value would (a secret store's keys).
    /// </summary>
    private static string FieldName(string key) =>
        key.Length is > 0 and <= 40 && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '$')
            ? key
            : $"(a key of {FieldRules.Described(key)})";

    // A JSON string may spell a lone surrogate (\ud800), which System.Text.Json refuses to decode; that is
    // text no field may hold, reported like any other wrong value.
    private static string? TextOf(JsonElement value)
    {
        try
        {
            return value.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}
