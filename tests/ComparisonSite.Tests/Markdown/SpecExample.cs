namespace ComparisonSite.Tests.Markdown;

/// <summary>
/// One example of a Markdown spec file: under a <c>###</c> heading, a <c>```markdown</c> block (what an editor
/// writes) followed by a <c>```html</c> block (the exact HTML) or a <c>```text</c> block (the words the page shows).
/// </summary>
internal sealed record SpecExample(string Name, string Markdown, string ExpectedKind, string Expected, int Line)
{
    public static IReadOnlyList<SpecExample> Read(string path)
    {
        var lines = File.ReadAllLines(path);
        var examples = new List<SpecExample>();
        string? heading = null;
        string? input = null;
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith("### ", StringComparison.Ordinal))
            {
                (heading, input) = (lines[i][4..].Trim(), null);
                continue;
            }

            if (!lines[i].StartsWith("```", StringComparison.Ordinal) || heading is null)
            {
                continue;
            }

            var kind = lines[i][3..].Trim();
            var start = i + 1;
            for (i = start; i < lines.Length && lines[i] != "```"; i++)
            {
            }

            var block = string.Join('\n', lines[start..i]);
            if (kind == "markdown")
            {
                input = block;
            }
            else if (kind is "html" or "text" && input is not null)
            {
                examples.Add(new SpecExample(heading, input, kind, block, start));
                (heading, input) = (null, null);
            }
        }

        return examples;
    }

    public override string ToString() => Name;
}
