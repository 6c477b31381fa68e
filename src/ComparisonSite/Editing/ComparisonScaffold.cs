using System.Text.Encodings.Web;
using System.Text.Json;
using ComparisonSite.Results.Store;

namespace ComparisonSite.Editing;

/// <summary>
/// The files of a new comparison (<c>new</c> verb): index.md and the usual sections, with front matter and
/// placeholder prose that shows where data references go. The references name a scenario and metric that the
/// suite's latest run measures for every framework given, so the folder passes <c>check --strict</c> as written.
/// </summary>
public static class ComparisonScaffold
{
    private static readonly JsonSerializerOptions YamlString =
        new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>File name and text of each file, index.md first.</summary>
    public static IReadOnlyList<(string File, string Text)> Files(
        string slug, string title, IReadOnlyList<string> frameworks, string suite, ResultsSnapshot snapshot,
        DateOnly today)
    {
        var names = frameworks.Select(f => snapshot.Frameworks.GetValueOrDefault(f)?.Name ?? f).ToList();
        var pair = CommonMeasurement(frameworks, snapshot.RunFor(suite), snapshot);
        var date = SiteDates.Iso(today);
        var index = $"""
            ---
            title: {JsonSerializer.Serialize(title, YamlString)}
            description: "Replace this with one or two sentences for search results and link previews."
            slug: {slug}
            published: {date}
            updated: {date}
            author: ComparisonSite Editors
            frameworks: [{string.Join(", ", frameworks)}]
            suite: {suite}
            draft: true
            ---

            {string.Join("\n", names.Select(n => $"- **{n}** for the projects it suits best: say who should pick it."))}

            """;
        return
        [
            ("index.md", index),
            ("01-verdict.md", Section("Quick verdict", 1, "verdict", Verdict(pair))),
            ("02-performance.md", Section("Performance", 2, "performance", Performance(frameworks, pair))),
            ("03-methodology.md", Section("Methodology", 3, "methodology", Methodology)),
            ("04-sources.md", Section("Sources", 4, "sources", Sources)),
        ];
    }

    /// <summary>
    /// A scenario and metric that the run measures for every framework, measurements before ratings and estimates;
    /// null when there is none (the scaffold then leaves the figures out and says why).
    /// </summary>
    public static (string Scenario, string Metric)? CommonMeasurement(
        IReadOnlyList<string> frameworks, RunResults? run, ResultsSnapshot snapshot)
    {
        if (run is null)
        {
            return null;
        }

        var pairs = run.Measurements.Select(m => (m.Scenario, m.Metric)).Distinct()
            .Where(p => frameworks.All(f => run.Find(f, p.Scenario, p.Metric) is not null))
            .OrderBy(p => snapshot.Metrics.GetValueOrDefault(p.Metric)?.Kind == Results.Metric.MeasurementKind ? 0 : 1)
            .ToList();
        return pairs.Count > 0 ? pairs[0] : null;
    }

    private static string Section(string title, int order, string anchor, string body) => $"""
        ---
        title: "{title}"
        order: {order}
        anchor: {anchor}
        ---

        {body.Trim()}

        """;

    private static string Verdict((string Scenario, string Metric)? pair) => pair is var (scenario, metric)
        ? $"""
            Say in a paragraph which framework to start with, and for what. Figures never go in as typed numbers:
            write a data reference, such as {Ref($"best {scenario} {metric}")} for the leader on one measure,
            and the page shows the figure from the results store.
            """
        : "Say in a paragraph which framework to start with, and for what.";

    private static string Performance(IReadOnlyList<string> frameworks, (string Scenario, string Metric)? pair)
    {
        if (pair is not var (scenario, metric))
        {
            return """
                The suite's latest run has no measurement shared by every framework of this comparison, so no
                figures were written here. The reference catalogue (/_editor/references, in Development) lists
                what the suite measures.
                """;
        }

        var values = string.Join(", ", frameworks.Select(f => Ref($"value {f} {scenario} {metric}")));
        var ratio = frameworks.Count >= 2
            ? $" Ratios read like this: {Ref($"ratio {frameworks[0]} {frameworks[1]} {scenario} {metric}")}."
            : string.Empty;
        return $"""
            Describe what was measured and what the results mean for a reader. Each figure is a reference: the
            values here are {values}.{ratio} The order of all of them is {Ref($"ranking {scenario} {metric}")}.

            A table of the measurements:

            {Ref($"table {scenario}:{metric}")}

            The same as a chart:

            {Ref($"chart {scenario}:{metric}")}
            """;
    }

    // A data reference as an editor writes it: the name and arguments between double braces.
    private static string Ref(string inside) => "{{" + inside + "}}";

    private const string Methodology = """
        Explain where the figures come from: who ran the benchmark, on what, and how. Every figure on the page links
        here. The run's recorded environment:

        {{environment}}
        """;

    private const string Sources = """
        List the sources here, each as a link to the page it comes from.
        """;
}
