using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ComparisonSite.Content;

/// <summary>
/// A Markdown file split into its YAML front matter (parsed, not yet typed) and its body,
/// keeping the line numbers an editor sees in their editor.
/// </summary>
internal sealed partial class FrontMatterDocument
{
    private FrontMatterDocument(YamlMappingNode fields, string body, int bodyFirstLine)
    {
        Fields = fields;
        Body = body;
        BodyFirstLine = bodyFirstLine;
    }

    public YamlMappingNode Fields { get; }

    public string Body { get; }

    /// <summary>1-based line number of the body's first line in the file.</summary>
    public int BodyFirstLine { get; }

    /// <summary>The front matter's first YAML line is the file's second line (after the opening ---).</summary>
    public const int YamlLineOffset = 1;

    public static FrontMatterDocument? Parse(string text, string file, ICollection<ContentDiagnostic> diagnostics)
    {
        var lines = text.TrimStart('\uFEFF').ReplaceLineEndings("\n").Split('\n');
        if (lines.Length == 0 || lines[0].TrimEnd() != "---")
        {
            diagnostics.Add(ContentDiagnostic.Error(
                file,
                1,
                "the file must start with a front matter block: a line '---', YAML fields, and a closing '---'"));
            return null;
        }

        var closing = Array.FindIndex(lines, 1, l => l.TrimEnd() is "---" or "...");
        if (closing < 0)
        {
            diagnostics.Add(ContentDiagnostic.Error(
                file,
                1,
                "the front matter opened on line 1 is never closed with a '---' line"));
            return null;
        }

        var yaml = string.Join('\n', lines[1..closing]);
        var body = string.Join('\n', lines[(closing + 1)..]);
        var fields = ParseYaml(yaml, file, diagnostics);
        return fields is null ? null : new FrontMatterDocument(fields, body, closing + 2);
    }

    private static YamlMappingNode? ParseYaml(string yaml, string file, ICollection<ContentDiagnostic> diagnostics)
    {
        var stream = new YamlStream();
        var parser = new Parser(new StringReader(yaml));
        try
        {
            stream.Load(parser);
        }
        catch (YamlException ex)
        {
            var line = (int)ex.Start.Line + YamlLineOffset;
            diagnostics.Add(ContentDiagnostic.Error(
                file,
                line,
                "front matter is not valid YAML: " + WithoutPosition(ex)));
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this on some unterminated flow collections; the last event it read
            // is the nearest position we can give.
            var line = (int)(parser.Current?.End.Line ?? 1) + YamlLineOffset;
            diagnostics.Add(ContentDiagnostic.Error(
                file,
                line,
                "front matter is not valid YAML: an opened [ or { is not closed"));
            return null;
        }
        catch (ArgumentException ex)
        {
            // The representation model refuses some malformed mappings (a key given twice, say) this way.
            var line = (int)(parser.Current?.End.Line ?? 1) + YamlLineOffset;
            diagnostics.Add(ContentDiagnostic.Error(file, line, "front matter is not valid YAML: " + ex.Message));
            return null;
        }

        if (stream.Documents.Count == 0)
        {
            diagnostics.Add(ContentDiagnostic.Error(file, 1, "the front matter is empty"));
            return null;
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode map)
        {
            var line = (int)stream.Documents[0].RootNode.Start.Line + YamlLineOffset;
            diagnostics.Add(ContentDiagnostic.Error(
                file,
                line,
                "the front matter must be a set of 'key: value' fields"));
            return null;
        }

        return map;
    }

    // YamlDotNet prefixes messages with "(Line: 3, Col: 1, Idx: 20) - (...): "; we report the line ourselves.
    private static string WithoutPosition(YamlException ex) =>
        PositionPrefix().Replace(ex.InnerException?.Message ?? ex.Message, string.Empty);

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ")]
    private static partial Regex PositionPrefix();
}
