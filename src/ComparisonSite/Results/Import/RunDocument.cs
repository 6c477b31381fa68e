using System.Text.Json.Serialization;

namespace ComparisonSite.Results.Import;

/// <summary>
/// One benchmark run ready to import: the run's provenance, the catalog entries it declares, and its results.
/// Parsed from a JSON run document or from CSV plus command options; validated before anything is written.
/// </summary>
public sealed record RunDocument
{
    public required string Suite { get; init; }
    public string? SuiteTitle { get; init; }
    public required RunInfo Run { get; init; }
    public IReadOnlyList<Framework> Frameworks { get; init; } = [];
    public IReadOnlyList<Scenario> Scenarios { get; init; } = [];
    public IReadOnlyList<Metric> Metrics { get; init; } = [];
    public required IReadOnlyList<ResultRow> Results { get; init; }
}

/// <summary>A run's identity and provenance: who measured what, where, how.</summary>
public sealed record RunInfo
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public required DateOnly Date { get; init; }
    public DateOnly? PeriodStart { get; init; }
    public DateOnly? PeriodEnd { get; init; }
    public required string Source { get; init; }
    public string? SourceUrl { get; init; }

    public required RunOrigin Origin { get; init; }

    public string? Hardware { get; init; }
    public int? Cores { get; init; }
    public string? Memory { get; init; }
    public string? Os { get; init; }
    public string? ServerSetup { get; init; }
    public string? LoadTool { get; init; }
    public int? Concurrency { get; init; }
    public string? Duration { get; init; }
    public string? Notes { get; init; }
    public IReadOnlyList<string> Caveats { get; init; } = [];

    /// <summary>
    /// What each framework ran (versions, server, workers, connections, keep-alive), one entry per framework, in
    /// the document's order; empty when the document gives none. The store keeps it in a table of its own
    /// (<c>run_setups</c>), so it is left out of the run's own fields when they are serialized.
    /// </summary>
    [JsonIgnore]
    public IReadOnlyList<RunSetup> Setup { get; init; } = [];
}

/// <summary>
/// One framework's versions and configuration in a run (<c>run.setup[]</c>): what its own run ran, whatever the
/// shared catalog says of the framework's usual server. <paramref name="Helpers"/> names processes measured apart
/// (a resource tracker); <paramref name="Note"/> is shown beside the entry as written ("older than the source's").
/// </summary>
public sealed record RunSetup(
    string Framework,
    string Software,
    string Server,
    int Workers,
    string WorkerClass,
    string DatabaseConnections,
    string KeepAlive,
    string? Helpers,
    string? Note);

/// <summary>One measurement in an import, with where it came from in the file for error messages.</summary>
public sealed record ResultRow(
    string Framework, string Scenario, string Metric, double Value, IReadOnlyList<double>? Samples, string Location);

/// <summary>
/// One thing wrong with an import file: where (JSON path or CSV line), which field, what was expected.
/// </summary>
public sealed record ImportProblem(string Location, string Message)
{
    /// <summary>The file's line the problem is on (a JSON value's line, a CSV row), when known.</summary>
    public int? Line { get; init; }

    public override string ToString() => $"{Location}: {Message}";
}

/// <summary>The result of parsing an import file: a document, or every problem found in it.</summary>
public sealed record ParsedRun(RunDocument? Document, IReadOnlyList<ImportProblem> Problems)
{
    public bool Succeeded => Document is not null && Problems.Count == 0;

    /// <summary>
    /// The catalog entries the file declares and the slugs its results name, even when it has shape problems:
    /// so unknown slugs are reported in the same pass as wrong values. Null when the file could not be read.
    /// </summary>
    public CatalogUse? Use { get; init; }
}

/// <summary>The slugs one result names, kept even when its value is wrong; null where a slug is itself wrong.
/// </summary>
public sealed record ResultSlugs(string? Framework, string? Scenario, string? Metric, string Location);

/// <summary>What an import file asks of the shared catalog: the entries it declares and the slugs it uses.</summary>
public sealed record CatalogUse
{
    /// <summary>Declared entries read whole: compared field by field with the stored ones.</summary>
    public IReadOnlyList<Framework> Frameworks { get; init; } = [];

    public IReadOnlyList<Scenario> Scenarios { get; init; } = [];

    public IReadOnlyList<Metric> Metrics { get; init; } = [];

    /// <summary>Every declared slug, also of entries with other problems: a result naming one is not unknown.
    /// </summary>
    public IReadOnlyList<string> DeclaredFrameworks { get; init; } = [];

    public IReadOnlyList<string> DeclaredScenarios { get; init; } = [];

    public IReadOnlyList<string> DeclaredMetrics { get; init; } = [];

    public IReadOnlyList<ResultSlugs> Results { get; init; } = [];

    public static CatalogUse Of(RunDocument document) => new()
    {
        Frameworks = document.Frameworks,
        Scenarios = document.Scenarios,
        Metrics = document.Metrics,
        DeclaredFrameworks = [.. document.Frameworks.Select(f => f.Slug)],
        DeclaredScenarios = [.. document.Scenarios.Select(s => s.Slug)],
        DeclaredMetrics = [.. document.Metrics.Select(m => m.Slug)],
        Results = [.. document.Results.Select(r => new ResultSlugs(r.Framework, r.Scenario, r.Metric, r.Location))],
    };
}
