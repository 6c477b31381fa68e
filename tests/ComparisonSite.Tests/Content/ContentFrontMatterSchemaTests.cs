using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ComparisonSite.Content;
using Json.Schema;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ComparisonSite.Tests.Content;

/// <summary>
/// docs/schemas/front-matter.schema.json is what editors' tools check front matter against; the loader is what
/// the site reads it with. Every front matter the loader accepts (the repository's content and every fixture)
/// must validate, and front matter the loader refuses for a rule the schema can state must fail it.
/// </summary>
public sealed partial class ContentFrontMatterSchemaTests
{
    private static readonly JsonSchema Schema = JsonSchema.FromText(
        File.ReadAllText(SiteRoot.Locate(null).Combine("docs/schemas/front-matter.schema.json")),
        new BuildOptions { SchemaRegistry = new SchemaRegistry() });

    private const string GoodIndex = """
        title: "A probe"
        description: "A comparison for probing the schema."
        slug: probe
        published: 2026-01-10
        updated: 2026-02-01
        author: Probe Editor
        frameworks: [fastapi, flask]
        suite: python-web-frameworks
        """;

    private const string GoodSection = """
        title: "Speed"
        order: 1
        anchor: speed
        """;

    public static TheoryData<string> AcceptedFolders()
    {
        var repository = SiteRoot.Locate(null);
        var folders = Directory.EnumerateFiles(repository.Combine("content"), "index.md", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(FixturePaths.Root, "index.md", SearchOption.AllDirectories))
            .Select(Path.GetDirectoryName)
            .Select(f => Path.GetRelativePath(repository.Path, f!))
            .Order(StringComparer.Ordinal);
        return [.. folders];
    }

    [Theory]
    [MemberData(nameof(AcceptedFolders))]
    public async Task Front_matter_the_loader_accepts_validates_against_the_schema(string folder)
    {
        var path = SiteRoot.Locate(null).Combine(folder);
        var loaded = await new ComparisonLoader(new ContentOptions())
            .LoadAsync(Path.GetDirectoryName(path)!, path, CancellationToken.None);
        var files = loaded.Article is null
            ? [] // The loader refuses this folder (a fixture of broken content): nothing the schema must accept.
            : Directory.GetFiles(path, "*.md").Order(StringComparer.Ordinal).ToArray();

        foreach (var file in files)
        {
            var fields = FrontMatterDocument.Parse(await File.ReadAllTextAsync(file), file, [])!.Fields;
            var result = Evaluate(ToJson(fields));
            Assert.True(result.IsValid, $"{folder}/{Path.GetFileName(file)}: {Describe(result)}");
        }

        Assert.True(loaded.Article is null || files.Length > 0);
    }

    [Fact]
    public void The_fixtures_hold_folders_the_loader_accepts_beside_the_repository_content() =>
        Assert.True(AcceptedFolders().Count >= 10);

    public static TheoryData<string, string, string> Refused => new()
    {
        { "index", "title: \"A probe\"", "" },
        { "index", "origin: reported", "origin: guessed" },
        { "index", "published: 2026-01-10", "published: 10/01/2026" },
        { "index", "frameworks: [fastapi, flask]", "frameworks: []" },
        { "index", "slug: probe", "slug: Probe" },
        { "index", "author: Probe Editor", "author: Probe Editor\nauthour: typo" },
        { "index", "suite: python-web-frameworks", "suite: python-web-frameworks\ndraft: maybe" },
        { "index", "suite: python-web-frameworks", "suite: python-web-frameworks\nimage: https://elsewhere/x.png" },
        { "index", "author: Probe Editor", "author: Probe Editor\nmaxDataAge: { python-web-frameworks: 0 }" },
        { "index", "author: Probe Editor", "author: Probe Editor\nrelated: [Not A Slug]" },
        { "index", "author: Probe Editor", "author: Probe Editor\nrelated: [other, other]" },
        { "index", "author: Probe Editor", "author: Probe Editor\ntags: [\"--\"]" },
        { "index", "author: Probe Editor", "author: Probe Editor\ntags: []" },
        { "index", "author: Probe Editor", $"author: Probe Editor\nverdict: \"{new string('v', 501)}\"" },
        { "index", "author: Probe Editor", $"author: Probe Editor\ntags: [{string.Join(", ", TwentyOneTags)}]" },
        { "index", "author: Probe Editor", "author: Probe Editor\nclaims: [{ says: Fast, measure: json }]" },
        {
            "index", "author: Probe Editor",
            "author: Probe Editor\nclaims: [{ says: Fast, measure: json:rps, best: a, ahead: a, behind: b }]"
        },
        { "index", "author: Probe Editor", "author: Probe Editor\nclaims: [{ says: Fast, measure: json:rps }]" },
        {
            "index", "author: Probe Editor",
            "author: Probe Editor\nclaims: [{ says: Much, measure: json:rps, ahead: a, behind: b, by: lots }]"
        },
        { "section", "order: 1", "order: first" },
        { "section", "order: 1", "" },
        { "section", "anchor: speed", "anchor: 1-speed" },
        { "section", "anchor: speed", "anchor: speed\nfaq: sometimes" },
    };

    private static IEnumerable<string> TwentyOneTags => Enumerable.Range(1, 21).Select(i => $"Tag {i}");

    [Fact]
    public void The_schema_states_the_bounds_the_loader_applies()
    {
        var defs = JsonNode.Parse(
            File.ReadAllText(SiteRoot.Locate(null).Combine("docs/schemas/front-matter.schema.json")))!["$defs"]!;
        var properties = new[]
        {
            defs["index"]!["properties"]!.AsObject(),
            defs["section"]!["properties"]!.AsObject(),
            defs["index"]!["properties"]!["serverPrice"]!["properties"]!.AsObject(),
            defs["claim"]!["properties"]!.AsObject(),
        }.SelectMany(p => p).ToList();

        foreach (var (key, property) in properties)
        {
            if (property!["items"]?["$ref"]?.GetValue<string>() == "#/$defs/claim")
            {
                // A list of entries: each entry's keys are bounded among the properties checked here.
                Assert.Equal(FrontMatterLimits.ListCount(key), property["maxItems"]?.GetValue<int>());
            }
            else if (property["type"]?.GetValue<string>() == "array")
            {
                Assert.Equal(FrontMatterLimits.ListCount(key), property["maxItems"]?.GetValue<int>());
                var entry = property["items"]!["maxLength"]?.GetValue<int>()
                    ?? (property["items"]!["$ref"]?.GetValue<string>() == "#/$defs/slug" ? 100 : null);
                Assert.True(entry <= FrontMatterLimits.ListEntryLength, $"{key}: entries of {entry} characters");
            }
            else if (property["maxProperties"] is { } entries)
            {
                Assert.Equal(FrontMatterLimits.ListCount(key), entries.GetValue<int>());
            }
            else if (property["maxLength"] is { } length)
            {
                Assert.Equal(FrontMatterLimits.TextLength(key), length.GetValue<int>());
            }
            else
            {
                // Without a maxLength of its own a text must be a slug, a date, a number, a choice or true/false.
                Assert.True(
                    property["$ref"]?.GetValue<string>() is "#/$defs/slug" or "#/$defs/date"
                        || property["enum"] is not null
                        || property["type"]?.GetValue<string>() is "boolean" or "integer" or "number" or "object",
                    $"'{key}' has no bound in the schema");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task Front_matter_the_loader_refuses_fails_the_schema(string file, string line, string replacement)
    {
        var content = Directory.CreateTempSubdirectory("comparisonsite-schema-").FullName;
        try
        {
            var folder = Path.Combine(content, "probe");
            Directory.CreateDirectory(folder);
            var index = file == "index" ? Edit(GoodIndex + "\norigin: reported", line, replacement) : GoodIndex;
            var section = file == "section" ? Edit(GoodSection, line, replacement) : GoodSection;
            await File.WriteAllTextAsync(Path.Combine(folder, "index.md"), $"---\n{index}\n---\nSummary.\n");
            await File.WriteAllTextAsync(Path.Combine(folder, "01-speed.md"), $"---\n{section}\n---\nText.\n");

            var loaded = await new ComparisonLoader(new ContentOptions()).LoadAsync(content, folder, default);
            var edited = FrontMatterDocument.Parse(file == "index" ? $"---\n{index}\n---\n" : $"---\n{section}\n---\n",
                "probe.md", [])!;

            Assert.Null(loaded.Article);
            Assert.Contains(loaded.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
            Assert.False(Evaluate(ToJson(edited.Fields)).IsValid);
        }
        finally
        {
            Directory.Delete(content, recursive: true);
        }
    }

    [Fact]
    public void The_unedited_probes_are_valid_so_each_refusal_is_the_edit_alone()
    {
        var index = FrontMatterDocument.Parse($"---\n{GoodIndex}\n---\n", "i.md", [])!;
        var section = FrontMatterDocument.Parse($"---\n{GoodSection}\n---\n", "s.md", [])!;
        Assert.True(Evaluate(ToJson(index.Fields)).IsValid);
        Assert.True(Evaluate(ToJson(section.Fields)).IsValid);
    }

    private static string Edit(string yaml, string line, string replacement)
    {
        Assert.Contains(line, yaml, StringComparison.Ordinal);
        return yaml.Replace(line, replacement, StringComparison.Ordinal);
    }

    private static EvaluationResults Evaluate(JsonNode? node) =>
        Schema.Evaluate(
            JsonSerializer.SerializeToElement(node), new EvaluationOptions { OutputFormat = OutputFormat.List });

    private static string Describe(EvaluationResults result) =>
        string.Join("; ", (result.Details ?? []).Where(d => d.Errors is not null)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")));

    /// <summary>
    /// The front matter as YAML's core schema types it, which is how VS Code's YAML extension sees it: plain
    /// true/false are booleans, plain integers numbers, everything else (dates included) text.
    /// </summary>
    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(c =>
            KeyValuePair.Create(((YamlScalarNode)c.Key).Value!, ToJson(c.Value)))),
        YamlSequenceNode sequence => new JsonArray([.. sequence.Children.Select(ToJson)]),
        YamlScalarNode { Style: ScalarStyle.Plain, Value: "true" or "false" } s => JsonValue.Create(s.Value == "true"),
        YamlScalarNode { Style: ScalarStyle.Plain, Value: { } v } when Integer().IsMatch(v) =>
            JsonValue.Create(long.Parse(v, CultureInfo.InvariantCulture)),
        YamlScalarNode { Style: ScalarStyle.Plain, Value: null or "" or "~" or "null" } => null,
        YamlScalarNode s => JsonValue.Create(s.Value),
        _ => throw new InvalidOperationException($"unexpected YAML node {node.GetType().Name}"),
    };

    [GeneratedRegex(@"^[-+]?[0-9]+\z")]
    private static partial Regex Integer();
}
