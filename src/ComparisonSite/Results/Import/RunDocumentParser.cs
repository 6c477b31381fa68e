using System.Text.Json;
using System.Text.RegularExpressions;

namespace ComparisonSite.Results.Import;

/// <summary>
/// Parses a JSON run document (see run-document.schema.json) and reports every problem in it at once,
/// each with its JSON path, so an author fixes the file in one go.
/// </summary>
public static partial class RunDocumentParser
{
    /// <summary>Bounds what one import may make the process hold in memory.</summary>
    public const int MaxBytes = RunImporter.MaxFileBytes;

    private static readonly JsonDocumentOptions Options = new()
    {
        MaxDepth = 16,
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
        AllowDuplicateProperties = false,
    };

    public static ParsedRun Parse(ReadOnlyMemory<byte> json)
    {
        var problems = new List<ImportProblem>();
        if (json.Length > MaxBytes)
        {
            return Fail(new ImportProblem("$", $"the file is {json.Length:N0} bytes; the limit is {MaxBytes:N0}"));
        }

        // Editors' tools often save UTF-8 with a byte order mark; the JSON reader does not accept one.
        if (json.Span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            json = json[3..];
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, Options);
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line
                ? $"line {line + 1}, column {(ex.BytePositionInLine ?? 0) + 1}"
                : "$";
            // The reader's message starts with the offending text ("'r' is an invalid start of a value"): the
            // line and column find it, and the file may be anything a link led to, so it is not repeated.
            var message = LeadingToken().Replace(PositionSuffix().Replace(ex.Message, string.Empty), "the text here ");
            return Fail(new ImportProblem(where, "malformed JSON: " + message));
        }

        using (document)
        {
            var root = JsonObjectReader.Create(document.RootElement, "$", problems);
            if (root is null)
            {
                return new ParsedRun(null, problems);
            }

            root.Allow("$schema");
            var suite = root.Slug("suite", required: true);
            var suiteTitle = root.Text("suiteTitle", required: false);
            var run = ReadRun(root.Object("run", required: true));
            var declared = (Frameworks: new List<string>(), Scenarios: new List<string>(), Metrics: new List<string>());
            var frameworks = root.Objects("frameworks", required: false)
                .Select(e => ReadFramework(e, declared.Frameworks)).ToList();
            var scenarios = root.Objects("scenarios", required: false)
                .Select(e => ReadScenario(e, declared.Scenarios)).ToList();
            var metrics = root.Objects("metrics", required: false)
                .Select(e => ReadMetric(e, declared.Metrics)).ToList();
            var slugs = new List<ResultSlugs>();
            var results = root.Objects("results", required: true).Select(e => ReadResult(e, slugs)).ToList();
            root.RejectUnknownKeys();
            var use = new CatalogUse
            {
                Frameworks = [.. frameworks.OfType<Framework>()],
                Scenarios = [.. scenarios.OfType<Scenario>()],
                Metrics = [.. metrics.OfType<Metric>()],
                DeclaredFrameworks = declared.Frameworks,
                DeclaredScenarios = declared.Scenarios,
                DeclaredMetrics = declared.Metrics,
                Results = slugs,
            };

            if (problems.Count > 0 || suite is null || run is null)
            {
                return new ParsedRun(null, problems) { Use = use };
            }

            var parsed = new RunDocument
            {
                Suite = suite,
                SuiteTitle = suiteTitle,
                Run = run,
                Frameworks = [.. frameworks.OfType<Framework>()],
                Scenarios = [.. scenarios.OfType<Scenario>()],
                Metrics = [.. metrics.OfType<Metric>()],
                Results = [.. results.OfType<ResultRow>()],
            };
            problems.AddRange(RunDocumentRules.Check(parsed));
            return problems.Count == 0
                ? new ParsedRun(parsed, []) { Use = use }
                : new ParsedRun(null, problems) { Use = use };
        }
    }

    private static RunInfo? ReadRun(JsonObjectReader? run)
    {
        if (run is null)
        {
            return null;
        }

        var id = run.Text("id", required: true);
        if (id is not null && !Identifiers.IsRunId(id))
        {
            id = null;
            run.Reject("id", $"expected {Identifiers.RunIdRule}");
        }

        var title = run.Text("title", required: true);
        var date = run.Date("date", required: true);
        var period = run.Object("period", required: false);
        var periodStart = period?.Date("start", required: false);
        var periodEnd = period?.Date("end", required: false);
        period?.RejectUnknownKeys();
        var source = run.Text("source", required: true);
        var sourceUrl = run.WebAddress("sourceUrl");
        var origin = RunOriginText.Parse(run.OneOf("origin", required: true, [.. RunOriginText.All]));
        var environment = run.Object("environment", required: false);
        var hardware = environment?.Text("hardware", required: false);
        var cores = environment?.WholeNumber("cores", 1);
        var memory = environment?.Text("memory", required: false);
        var os = environment?.Text("os", required: false);
        var server = environment?.Text("server", required: false);
        environment?.RejectUnknownKeys();
        var load = run.Object("load", required: false);
        var tool = load?.Text("tool", required: false);
        var concurrency = load?.WholeNumber("concurrency", 1);
        var duration = load?.Text("duration", required: false);
        load?.RejectUnknownKeys();
        var notes = run.Text("notes", required: false, multiline: true);
        var caveats = run.TextList("caveats");
        var setup = run.Objects("setup", required: false).Select(ReadSetup).ToList();
        run.RejectUnknownKeys();

        if (id is null || title is null || date is null || source is null || origin is null
            || setup.Any(s => s is null))
        {
            return null;
        }

        return new RunInfo
        {
            Id = id,
            Title = title,
            Date = date.Value,
            PeriodStart = periodStart,
            PeriodEnd = periodEnd,
            Source = source,
            SourceUrl = sourceUrl,
            Origin = origin.Value,
            Hardware = hardware,
            Cores = cores,
            Memory = memory,
            Os = os,
            ServerSetup = server,
            LoadTool = tool,
            Concurrency = concurrency,
            Duration = duration,
            Notes = notes,
            Caveats = caveats,
            Setup = [.. setup.OfType<RunSetup>()],
        };
    }

    /// <summary>One framework's versions and configuration: every field required but helpers and note.</summary>
    private static RunSetup? ReadSetup(JsonObjectReader entry)
    {
        var framework = entry.Slug("framework", required: true);
        var software = entry.Text("software", required: true);
        var server = entry.Text("server", required: true);
        var workers = entry.WholeNumber("workers", 1);
        if (!entry.Has("workers"))
        {
            entry.Reject("workers", "required field is missing: the number of worker processes, 1 or more");
        }

        var workerClass = entry.Text("workerClass", required: true);
        var connections = entry.Text("databaseConnections", required: true);
        var keepAlive = entry.Text("keepAlive", required: true);
        var helpers = entry.Text("helpers", required: false);
        var note = entry.Text("note", required: false);
        entry.RejectUnknownKeys();
        return framework is null || software is null || server is null || workers is null || workerClass is null
            || connections is null || keepAlive is null
            ? null
            : new RunSetup(
                framework, software, server, workers.Value, workerClass, connections, keepAlive, helpers, note);
    }

    private static Framework? ReadFramework(JsonObjectReader entry, List<string> declared)
    {
        var slug = Declare(entry, declared);
        var name = entry.Text("name", required: true);
        var framework = new Framework(
            slug!,
            name!,
            entry.Text("language", required: false),
            entry.Text("server", required: false),
            entry.Text("version", required: false),
            entry.WebAddress("url"));
        entry.RejectUnknownKeys();
        return slug is null || name is null ? null : framework;
    }

    private static Scenario? ReadScenario(JsonObjectReader entry, List<string> declared)
    {
        var slug = Declare(entry, declared);
        var name = entry.Text("name", required: true);
        var description = entry.Text("description", required: false);
        var family = entry.Slug("family", required: false);
        var concurrency = entry.WholeNumber("concurrency", 1);
        entry.RejectUnknownKeys();
        // A wrong family or concurrency is a problem of its own (recorded above); the entry is still declared.
        return slug is null || name is null ? null : new Scenario(slug, name, description, family, concurrency);
    }

    private static Metric? ReadMetric(JsonObjectReader entry, List<string> declared)
    {
        var slug = Declare(entry, declared);
        var name = entry.Text("name", required: true);
        var unit = entry.Text("unit", required: true);
        var better = entry.OneOf("better", required: true, "higher", "lower");
        var decimals = entry.WholeNumber("decimals", 0, 6);
        var kind = entry.OneOf(
            "kind", required: false, Metric.MeasurementKind, Metric.RatingKind, Metric.EstimateKind)
            ?? Metric.MeasurementKind;
        var higherWord = entry.Text("higherWord", required: false) ?? "higher";
        var lowerWord = entry.Text("lowerWord", required: false) ?? "lower";
        entry.RejectUnknownKeys();
        return slug is null || name is null || unit is null || better is null
            ? null
            : new Metric(
                slug,
                name,
                unit,
                better == "higher" ? Better.Higher : Better.Lower,
                decimals ?? 0,
                kind,
                higherWord,
                lowerWord);
    }

    private static ResultRow? ReadResult(JsonObjectReader entry, List<ResultSlugs> slugs)
    {
        var framework = entry.Slug("framework", required: true);
        var scenario = entry.Slug("scenario", required: true);
        var metric = entry.Slug("metric", required: true);
        slugs.Add(new ResultSlugs(framework, scenario, metric, entry.Path));
        var value = entry.Measurement("value", required: false);
        var samples = entry.Measurements("samples");
        entry.RejectUnknownKeys();
        if (!entry.Has("value") && !entry.Has("samples"))
        {
            entry.Reject(
                "value", "required field is missing: give a \"value\" or a non-empty \"samples\" array of numbers");
        }

        if (framework is null || scenario is null || metric is null || (value is null && samples is null))
        {
            return null;
        }

        return new ResultRow(
            framework, scenario, metric, value ?? RunDocumentRules.Median(samples!), samples, entry.Path);
    }

    /// <summary>A declared entry's slug, noted even when the entry has other problems.</summary>
    private static string? Declare(JsonObjectReader entry, List<string> declared)
    {
        var slug = entry.Slug("slug", required: true);
        if (slug is not null)
        {
            declared.Add(slug);
        }

        return slug;
    }

    private static ParsedRun Fail(ImportProblem problem) => new(null, [problem]);

    [GeneratedRegex(@"^'.+?' (?=is |was |cannot |expected )", RegexOptions.Singleline)]
    private static partial Regex LeadingToken();

    [GeneratedRegex(@"\s*(Path: .*)?LineNumber: \d+ \| BytePositionInLine: \d+\.?$")]
    private static partial Regex PositionSuffix();
}
