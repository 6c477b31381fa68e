using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ComparisonSite.Results.Import;
using Json.Schema;

namespace ComparisonSite.Tests.Results;

/// <summary>
/// run-document.schema.json is the contract authors' editors check against; RunDocumentParser is what imports.
/// Every fixture, the seed, and edits of the seed that probe each rule go through both, and both must give the
/// same verdict, so a schema edit the parser does not follow (or the reverse) fails here.
/// </summary>
public sealed class RunDocumentSchemaTests
{
    private const string SchemaPath = "src/ComparisonSite/Results/Import/run-document.schema.json";
    private const string SeedPath = "migrations/seed/bytepulse-2026-03.json";

    private static readonly string Long101 = new('a', 101);

    /// <summary>
    /// Rules the parser keeps that a JSON Schema cannot state, and leniences it allows on purpose: each document
    /// with the schema's verdict, the parser's, and how the parser's one problem starts.
    /// </summary>
    private static readonly Dictionary<string, (bool Schema, bool Parser, string? Problem)> BeyondTheSchema = new()
    {
        // RFC 8259 leaves duplicate names to the reader; a schema sees only one of them.
        ["fixture duplicate-keys.json"] = (true, false, "$: malformed JSON: Duplicate property 'suite'"),

        // A result is a (framework, scenario, metric) triple; uniqueItems compares whole items, values included.
        ["fixture duplicate-rows.json"] = (true, false, "$.results[2]: duplicate result for framework \"fastapi\", "
            + "scenario \"json\", metric \"rps\" (first given at $.results[0])"),
        ["a period that ends before it starts"] =
            (true, false, "$.run.period.end: the period ends (2026-01-01) before it starts (2026-02-01)"),
        ["a date that is not in the calendar"] =
            (true, false, "$.run.date: expected a date as YYYY-MM-DD"),

        // "Not after tomorrow" moves with the clock; a schema holds no "today". (Nor can its patterns tell a lone
        // surrogate from a pair: ImportTextRulesTests covers that rule.)
        ["a date far in the future"] =
            (true, false, "$.run.date: expected a date from 1990-01-01 to tomorrow"),

        // The parser reads null as a field left out and trims text; the schema asks authors for the clean form.
        ["an optional field set to null"] = (false, true, null),
        ["a slug with spaces around it"] = (false, true, null),

        // A setup entry names a framework of the document's results, once: a schema cannot look across arrays.
        ["a setup for a framework without results"] = (true, false,
            "$.run.setup[0].framework: framework \"pyramid\" has no result in this run"),
        ["two setups for one framework"] = (true, false,
            "$.run.setup[1].framework: framework \"fastapi\" already has a setup entry (at $.run.setup[0])"),
    };

    private static readonly string SchemaText = File.ReadAllText(SiteRoot.Locate(null).Combine(SchemaPath));

    public static TheoryData<string> CaseNames => [.. Cases().Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void The_schema_and_the_parser_agree_on_every_document(string name)
    {
        var schema = Build(SchemaText);
        var json = Cases().Single(c => c.Name == name).Json;

        var parsed = RunDocumentParser.Parse(json);
        var schemaAccepts = SchemaAccepts(schema, json);

        if (BeyondTheSchema.TryGetValue(name, out var expected))
        {
            Assert.Equal(expected.Schema, schemaAccepts);
            Assert.Equal(expected.Parser, parsed.Succeeded);
            Assert.StartsWith(expected.Problem ?? "", string.Join("; ", parsed.Problems), StringComparison.Ordinal);
        }
        else
        {
            var problems = string.Join("; ", parsed.Problems);
            Assert.True(
                schemaAccepts == parsed.Succeeded,
                $"'{name}': the schema {(schemaAccepts ? "accepts" : "refuses")} it, the parser says: "
                + (parsed.Succeeded ? "fine" : problems));
        }
    }

    [Theory]
    [InlineData("a new required field of the run", "/properties/run/required", "hardware")]
    [InlineData("an origin taken away", "/properties/run/properties/origin/enum", null)]
    [InlineData("a shorter slug", "/$defs/slug/maxLength", null)]
    [InlineData("a stricter run id", "/properties/run/properties/id/pattern", null)]
    [InlineData("a longer minimum for text", "/$defs/text/minLength", null)]
    public void A_schema_edit_the_parser_does_not_follow_is_caught(string edit, string path, string? added)
    {
        var node = JsonNode.Parse(SchemaText)!;
        var target = Locate(node, path);
        switch (edit)
        {
            case "a new required field of the run":
                target.AsArray().Add(added);
                break;
            case "an origin taken away":
                target.AsArray().RemoveAt(1);
                break;
            case "a shorter slug":
                target.ReplaceWith(50);
                break;
            case "a stricter run id":
                target.ReplaceWith("^[a-z0-9][a-z0-9-]*$");
                break;
            default:
                target.ReplaceWith(5);
                break;
        }

        var schema = Build(node.ToJsonString());
        var disagreements = Cases()
            .Where(c => !BeyondTheSchema.ContainsKey(c.Name))
            .Where(c => SchemaAccepts(schema, c.Json) != RunDocumentParser.Parse(c.Json).Succeeded);

        Assert.NotEmpty(disagreements);
    }

    private static IEnumerable<(string Name, byte[] Json)> Cases()
    {
        var root = SiteRoot.Locate(null);
        yield return ("the seed run", File.ReadAllBytes(root.Combine(SeedPath)));
        foreach (var file in Directory.EnumerateFiles(Path.Combine(FixturePaths.Root, "imports"), "*.json").Order())
        {
            yield return ($"fixture {Path.GetFileName(file)}", File.ReadAllBytes(file));
        }

        foreach (var (name, edit) in Edits())
        {
            var seed = JsonNode.Parse(File.ReadAllBytes(root.Combine(SeedPath)))!;
            edit(seed);
            yield return (name, Encoding.UTF8.GetBytes(seed.ToJsonString()));
        }
    }

    /// <summary>Edits of the seed, one rule each.</summary>
    private static IEnumerable<(string Name, Action<JsonNode> Edit)> Edits()
    {
        string[] slugs = ["3scale", "a-b-c", new string('a', 100), "-suite", "Suite", "a_b", "a.b", Long101];
        foreach (var slug in slugs)
        {
            yield return ($"the suite \"{slug}\"", d => d["suite"] = slug);
        }

        foreach (var id in new[] { "r", "v1.2_full", "2026.07", new string('a', 100), ".r", "_r", "R", "r/1", Long101 })
        {
            yield return ($"the run id \"{id}\"", d => d["run"]!["id"] = id);
        }

        yield return ("a framework slug \"Flask\"", d => d["frameworks"]![0]!["slug"] = "Flask");
        yield return ("a result's metric \"p 99\"", d => d["results"]![0]!["metric"] = "p 99");
        yield return ("the origin \"measured\"", d => d["run"]!["origin"] = "measured");
        yield return ("the origin \"guessed\"", d => d["run"]!["origin"] = "guessed");
        yield return ("no origin", d => d["run"]!.AsObject().Remove("origin"));
        yield return ("no suite", d => d.AsObject().Remove("suite"));
        yield return ("no results", d => d["results"] = new JsonArray());
        yield return ("an unknown top-level field", d => d["colour"] = "red");
        yield return ("an unknown field of the environment", d => d["run"]!["environment"]!["gpu"] = "none");
        yield return ("a one-letter title", d => d["run"]!["title"] = "t");
        yield return ("an empty title", d => d["run"]!["title"] = "");
        yield return ("a blank title", d => d["run"]!["title"] = "   ");
        yield return ("a title of 10,000 characters", d => d["run"]!["title"] = new string('t', 10_000));
        yield return ("a title of 10,001 characters", d => d["run"]!["title"] = new string('t', 10_001));
        yield return ("empty notes", d => d["run"]!["notes"] = "");
        yield return ("a caveat that is blank", d => d["run"]!["caveats"]![0] = " ");
        yield return ("a unit of 41 characters", d => d["metrics"]![0]!["unit"] = new string('u', 41));
        yield return ("an empty unit", d => d["metrics"]![0]!["unit"] = "");
        yield return ("zero cores", d => d["run"]!["environment"]!["cores"] = 0);
        yield return ("cores as text", d => d["run"]!["environment"]!["cores"] = "eight");
        yield return ("seven decimals", d => d["metrics"]![0]!["decimals"] = 7);
        yield return ("a metric kind \"guess\"", d => d["metrics"]![0]!["kind"] = "guess");
        yield return ("better \"more\"", d => d["metrics"]![0]!["better"] = "more");
        yield return ("a date without dashes", d => d["run"]!["date"] = "20260301");
        yield return ("a date that is not in the calendar", d => d["run"]!["date"] = "2026-02-30");
        yield return ("a date before 1990", d => d["run"]!["date"] = "1989-12-31");
        yield return ("a date far in the future", d => d["run"]!["date"] = "9999-12-31");
        yield return ("a javascript: source address", d => d["run"]!["sourceUrl"] = "javascript:alert(1)");
        yield return ("a data: framework address", d => d["frameworks"]![0]!["url"] = "data:text/html,x");
        yield return ("an http source address", d => d["run"]!["sourceUrl"] = "http://example.org/run?x=1#y");
        yield return ("a source address with a space", d => d["run"]!["sourceUrl"] = "https://example.org/a b");
        yield return ("a title with a terminal escape", d => d["run"]!["title"] = "Run \u001b[2J");
        yield return ("a caveat with a bell", d => d["run"]!["caveats"]![0] = "ding\u0007");
        yield return ("a unit with U+FFFE", d => d["metrics"]![0]!["unit"] = "req/s\ufffe");
        yield return ("a framework name with a line feed", d => d["frameworks"]![0]!["name"] = "Fast\nAPI");
        yield return ("notes over two lines with a tab", d => d["run"]!["notes"] = "One.\n\tTwo.");
        yield return ("notes with a carriage return", d => d["run"]!["notes"] = "One.\rTwo.");
        yield return ("a negative value", d => d["results"]![0]!["value"] = -1);
        yield return ("a value as text", d => d["results"]![0]!["value"] = "fast");
        yield return ("samples instead of a value", SamplesInsteadOfValue);
        yield return ("no value and no samples", d => d["results"]![0]!.AsObject().Remove("value"));
        yield return ("empty samples", d => d["results"]![0]!["samples"] = new JsonArray());
        yield return ("a period that ends before it starts", d =>
            d["run"]!["period"] = new JsonObject { ["start"] = "2026-02-01", ["end"] = "2026-01-01" });
        yield return ("a setup entry", d => d["run"]!["setup"] = new JsonArray(Setup("fastapi")));
        yield return ("a setup entry with helpers and a note", d => d["run"]!["setup"] =
            new JsonArray(Setup("fastapi", ("helpers", "resource tracker"), ("note", "Older."))));
        yield return ("a setup with no workers", d => d["run"]!["setup"] =
            new JsonArray(Setup("fastapi", ("workers", 0))));
        yield return ("a setup with workers as text", d => d["run"]!["setup"] =
            new JsonArray(Setup("fastapi", ("workers", "2"))));
        yield return ("a setup without a server", d => d["run"]!["setup"] =
            new JsonArray(Setup("fastapi", ("server", null))));
        yield return ("a setup with an unknown field", d => d["run"]!["setup"] =
            new JsonArray(Setup("fastapi", ("threads", 1))));
        yield return ("a setup with a blank note", d => d["run"]!["setup"] =
            new JsonArray(Setup("fastapi", ("note", " "))));
        yield return ("a setup for a framework without results", d => d["run"]!["setup"] =
            new JsonArray(Setup("pyramid")));
        yield return ("two setups for one framework", d => d["run"]!["setup"] =
            new JsonArray(Setup("fastapi"), Setup("fastapi")));
        yield return ("a scenario family and concurrency", d =>
        {
            d["scenarios"]![0]!["family"] = "user-lookup";
            d["scenarios"]![0]!["concurrency"] = 64;
        }
        );
        yield return ("a scenario family \"User lookup\"", d => d["scenarios"]![0]!["family"] = "User lookup");
        yield return ("a scenario concurrency of zero", d => d["scenarios"]![0]!["concurrency"] = 0);
        yield return ("a scenario concurrency of 1.5", d => d["scenarios"]![0]!["concurrency"] = 1.5);
        yield return ("an optional field set to null", d => d["run"]!["sourceUrl"] = null);
        yield return ("a slug with spaces around it", d => d["suite"] = " python-web-frameworks ");
    }

    /// <summary>A whole setup entry for <paramref name="framework"/>, with fields replaced (null: left out).</summary>
    private static JsonObject Setup(string framework, params (string Field, object? Value)[] changes)
    {
        var entry = new JsonObject
        {
            ["framework"] = framework,
            ["software"] = "FastAPI 0.92.0",
            ["server"] = "Uvicorn 0.17.6",
            ["workers"] = 2,
            ["workerClass"] = "Uvicorn worker",
            ["databaseConnections"] = "1 per worker",
            ["keepAlive"] = "yes",
        };
        foreach (var (field, value) in changes)
        {
            entry.Remove(field);
            if (value is not null)
            {
                entry[field] = JsonValue.Create(value);
            }
        }

        return entry;
    }

    private static void SamplesInsteadOfValue(JsonNode document)
    {
        document["results"]![0]!.AsObject().Remove("value");
        document["results"]![0]!["samples"] = new JsonArray(1, 2, 3);
    }

    private static JsonSchema Build(string text) =>
        JsonSchema.FromText(text, new BuildOptions { SchemaRegistry = new SchemaRegistry() });

    /// <summary>A file that is not JSON satisfies no schema; a byte order mark is an encoding, not content.</summary>
    private static bool SchemaAccepts(JsonSchema schema, byte[] json)
    {
        try
        {
            using var document = JsonDocument.Parse(Encoding.UTF8.GetString(json).TrimStart('\uFEFF'));
            return schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.Flag })
                .IsValid;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static JsonNode Locate(JsonNode root, string path) =>
        path.Split('/', StringSplitOptions.RemoveEmptyEntries).Aggregate(root, (node, key) => node[key]!);
}
