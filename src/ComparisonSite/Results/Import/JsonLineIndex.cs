using System.Text.Json;

namespace ComparisonSite.Results.Import;

/// <summary>
/// The line of every value of a JSON file, by the JSON path problems name (<c>$.results[3].metric</c>): so an
/// import problem points at the line an editor opens. A path the file does not hold (a missing field) is placed
/// at its nearest enclosing value.
/// </summary>
internal sealed class JsonLineIndex
{
    private readonly Dictionary<string, int> _lines = new(StringComparer.Ordinal);

    private JsonLineIndex()
    {
    }

    public static JsonLineIndex Build(ReadOnlySpan<byte> json)
    {
        var index = new JsonLineIndex();
        if (json.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            json = json[3..];
        }

        var newlines = new List<long>();
        for (var i = 0; i < json.Length; i++)
        {
            if (json[i] == (byte)'\n')
            {
                newlines.Add(i);
            }
        }

        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 64 });
        var open = new Stack<Container>();
        string? name = null;
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName)
                {
                    name = reader.GetString();
                    continue;
                }

                if (reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray)
                {
                    open.Pop();
                    continue;
                }

                var path = open.Count == 0 ? "$"
                    : open.Peek().IsArray ? $"{open.Peek().Path}[{open.Peek().Items++}]"
                    : $"{open.Peek().Path}.{name}";
                var before = newlines.BinarySearch(reader.TokenStartIndex);
                index._lines.TryAdd(path, (before < 0 ? ~before : before) + 1);
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    open.Push(new Container(path, reader.TokenType == JsonTokenType.StartArray));
                }
            }
        }
        catch (JsonException)
        {
            // A malformed file: its parse problem carries its own line; the values read so far keep theirs.
        }

        return index;
    }

    /// <summary>The line of the value at <paramref name="path"/>, or of the nearest value enclosing it.</summary>
    public int? LineOf(string path)
    {
        while (true)
        {
            if (_lines.TryGetValue(path, out var line))
            {
                return line;
            }

            var cut = path.LastIndexOfAny(['.', '[']);
            if (cut <= 0)
            {
                return null;
            }

            path = path[..cut];
        }
    }

    private sealed class Container(string path, bool isArray)
    {
        public string Path { get; } = path;

        public bool IsArray { get; } = isArray;

        public int Items { get; set; }
    }
}
