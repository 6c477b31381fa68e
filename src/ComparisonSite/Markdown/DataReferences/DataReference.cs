using System.Globalization;
using ComparisonSite.Figures;
using ComparisonSite.Figures.Calculator;
using ComparisonSite.Results.Import;
using ComparisonSite.Results.Store;

namespace ComparisonSite.Markdown.DataReferences;

/// <summary>What a <c>{{…}}</c> reference asks for.</summary>
public enum DataReferenceKind
{
    Value,
    Ratio,
    Percent,
    Diff,
    Best,
    Ranking,
    Agreement,
    Table,
    Chart,
    Scaling,
    Environment,
    Calculator,
    CalculatorValue,
    Claims,
}

/// <summary>
/// A parsed data reference: <c>{{kind positional… key=value… flag…}}</c>. Parsing checks the shape only
/// (kind, argument count, option names and formats); whether the slugs exist is decided against the results
/// snapshot at render time.
/// </summary>
public sealed record DataReference
{
    public required DataReferenceKind Kind { get; init; }
    public required IReadOnlyList<string> Arguments { get; init; }
    public required IReadOnlyDictionary<string, string> Options { get; init; }
    public required IReadOnlySet<string> Flags { get; init; }
    public required string Source { get; init; }

    public bool IsBlock => Kind is DataReferenceKind.Table or DataReferenceKind.Chart or DataReferenceKind.Scaling
        or DataReferenceKind.Environment or DataReferenceKind.Calculator or DataReferenceKind.Claims;

    /// <summary>A figure drawn as a chart (bars or lines), which the page loads the chart script for.</summary>
    public bool IsChart => Kind is DataReferenceKind.Chart or DataReferenceKind.Scaling;

    /// <summary>A run pinned with <c>run=ID</c>, or null for the suite's latest run.</summary>
    public string? RunId => Options.GetValueOrDefault("run");

    /// <summary>
    /// The runs the reference reads, in order: one for most references (<c>run=</c>, <c>origin=</c> or the
    /// article's default), one per origin for <c>origins=a,b</c>, and the latest reported and measured runs for
    /// <c>agreement</c> and <c>claims</c>.
    /// </summary>
    public IReadOnlyList<RunSelector> Selectors =>
        // A calculator's value reads the calculator's run, which that block's own reference names.
        Kind == DataReferenceKind.CalculatorValue ? []
        : Kind is DataReferenceKind.Agreement or DataReferenceKind.Claims
            ? [new(Origin: RunOrigin.Reported), new(Origin: RunOrigin.Measured)]
        : Options.TryGetValue("origins", out var origins)
            ? [.. origins.Split(',').Select(o => new RunSelector(Origin: RunOriginText.Parse(o)))]
        : [new(RunId, RunOriginText.Parse(Options.GetValueOrDefault("origin")))];

    public IReadOnlyList<SeriesKey> Series =>
        [.. Arguments.Select(a => a.Split(':', 2)).Select(p => new SeriesKey(p[0], p[1]))];

    /// <summary>Frameworks named with <c>frameworks=a,b</c>, or null for the article's own list.</summary>
    public IReadOnlyList<string>? Frameworks =>
        Options.TryGetValue("frameworks", out var list) ? list.Split(',') : null;

    public double? RoundTo =>
        Options.TryGetValue("round", out var text) ? double.Parse(text, CultureInfo.InvariantCulture) : null;

    public bool WithoutUnit => Options.GetValueOrDefault("unit") == "none";

    /// <summary>A calculator's default input: <c>requests=</c>, <c>peak=</c> (1) and <c>headroom=</c> (1).</summary>
    public CalculatorInput CalculatorDefault => new(
        CalculatorBounds.Requests(Options.GetValueOrDefault(CalculatorBounds.RequestsField), out _) ?? 1,
        CalculatorBounds.Peak(Options.GetValueOrDefault(CalculatorBounds.PeakField, "1"), out _) ?? 1,
        CalculatorBounds.Headroom(Options.GetValueOrDefault(CalculatorBounds.HeadroomField, "1"), out _) ?? 1);

    /// <summary>What <c>{{calculator-value FRAMEWORK QUANTITY}}</c> can cite from the calculator's default result.
    /// </summary>
    public static readonly string[] CalculatorQuantities = ["servers", "monthly-cost", "throughput"];

    // Every reference that reads one run can name it by id or by origin; the usage text ends with both.
    private static readonly string[] RunOptions = ["run", "origin"];
    private static readonly string[] RunChoosers = ["run", "origin", "origins"];
    private const string RunUsage = " [run=ID | origin=reported|measured]}}";

    /// <summary>The most SCENARIO:METRIC pairs one table names.</summary>
    public const int MaxTableSeries = 20;

    /// <summary>The most SCENARIO:METRIC pairs one chart names.</summary>
    public const int MaxChartSeries = 10;

    private static readonly
        Dictionary<string, (DataReferenceKind Kind, int Min, int Max, string[] Options, string[] Flags, string Usage)>
        Shapes = new(StringComparer.Ordinal)
        {
            ["value"] = (
                DataReferenceKind.Value, 3, 3, ["round", "unit", .. RunOptions], [],
                "{{value FRAMEWORK SCENARIO METRIC [round=N] [unit=none]" + RunUsage),
            ["ratio"] = (DataReferenceKind.Ratio, 4, 4, RunOptions, [], "{{ratio A B SCENARIO METRIC" + RunUsage),
            ["percent"] = (
                DataReferenceKind.Percent, 4, 4, RunOptions, [], "{{percent A B SCENARIO METRIC" + RunUsage),
            ["diff"] = (DataReferenceKind.Diff, 4, 4, RunOptions, [], "{{diff A B SCENARIO METRIC" + RunUsage),
            ["best"] = (
                DataReferenceKind.Best, 2, 2, ["frameworks", .. RunOptions], [],
                "{{best SCENARIO METRIC [frameworks=a,b]" + RunUsage),
            ["ranking"] = (
                DataReferenceKind.Ranking, 2, 2, ["frameworks", .. RunOptions], [],
                "{{ranking SCENARIO METRIC [frameworks=a,b]" + RunUsage),
            ["agreement"] = (
                DataReferenceKind.Agreement, 2, 2, ["frameworks"], [],
                "{{agreement SCENARIO METRIC [frameworks=a,b]}}"),
            ["table"] = (
                DataReferenceKind.Table, 1, MaxTableSeries, ["frameworks", "layout", "origins", .. RunOptions], [],
                "{{table SCENARIO:METRIC… [frameworks=a,b] [layout=rows|columns] [origins=reported,measured]"
                + RunUsage),
            ["chart"] = (
                DataReferenceKind.Chart, 1, MaxChartSeries, ["frameworks", "origins", .. RunOptions], ["horizontal"],
                "{{chart SCENARIO:METRIC… [horizontal] [frameworks=a,b] [origins=reported,measured]" + RunUsage),
            ["scaling"] = (
                DataReferenceKind.Scaling, 2, 2, ["frameworks", .. RunOptions], [],
                "{{scaling FAMILY METRIC [frameworks=a,b]" + RunUsage),
            ["environment"] = (
                DataReferenceKind.Environment, 0, 0, RunOptions, [], "{{environment" + RunUsage),
            ["calculator"] = (
                DataReferenceKind.Calculator, 1, 1,
                [
                    CalculatorBounds.RequestsField, CalculatorBounds.PeakField, CalculatorBounds.HeadroomField,
                    "frameworks", .. RunOptions,
                ],
                [],
                "{{calculator SCENARIO:METRIC requests=N [peak=F] [headroom=H] [frameworks=a,b]" + RunUsage),
            ["claims"] = (DataReferenceKind.Claims, 0, 0, [], [], "{{claims}}"),
            ["calculator-value"] = (
                DataReferenceKind.CalculatorValue, 2, 2, [], [],
                "{{calculator-value FRAMEWORK servers|monthly-cost|throughput}}"),
        };

    public static bool IsBlockKind(string source) =>
        FirstWord(source) is "table" or "chart" or "scaling" or "environment" or "calculator" or "claims";

    /// <summary>
    /// Parses the text between the braces; on failure returns null and a message that shows the expected form.
    /// </summary>
    public static DataReference? Parse(string source, out string? error)
    {
        var words = source.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0 || !Shapes.TryGetValue(words[0], out var shape))
        {
            error = $"unknown data reference '{{{{{Shorten(source)}}}}}': "
                + $"it must start with one of {string.Join(", ", Shapes.Keys)}";
            return null;
        }

        var arguments = new List<string>();
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        var flags = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in words.Skip(1))
        {
            var equals = word.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                var (name, value) = (word[..equals], word[(equals + 1)..]);
                if (!shape.Options.Contains(name))
                {
                    error = $"'{name}=' is not an option of {words[0]}; write {shape.Usage}";
                    return null;
                }

                if (!options.TryAdd(name, value))
                {
                    error = $"option '{name}=' is given twice";
                    return null;
                }
            }
            else if (shape.Flags.Contains(word))
            {
                flags.Add(word);
            }
            else
            {
                arguments.Add(word);
            }
        }

        error = CheckShape(words[0], shape.Min, shape.Max, shape.Usage, shape.Kind, arguments, options);
        return error is not null
            ? null
            : new DataReference
            {
                Kind = shape.Kind,
                Arguments = arguments,
                Options = options,
                Flags = flags,
                Source = source,
            };
    }

    private static string? CheckShape(
        string kind,
        int min,
        int max,
        string usage,
        DataReferenceKind shape,
        List<string> arguments,
        Dictionary<string, string> options)
    {
        if (arguments.Count < min || arguments.Count > max)
        {
            var expected = min == max ? min.ToString(CultureInfo.InvariantCulture) : $"{min} to {max}";
            return $"{kind} takes {expected} arguments, found {arguments.Count}; write {usage}";
        }

        var isSeries = shape is DataReferenceKind.Table or DataReferenceKind.Chart or DataReferenceKind.Calculator;
        foreach (var argument in arguments)
        {
            if (isSeries ? !IsSeries(argument) : !Identifiers.IsSlug(argument))
            {
                return isSeries
                    ? $"'{Shorten(argument)}' must be SCENARIO:METRIC, e.g. json:rps; write {usage}"
                    : $"'{Shorten(argument)}' is not a slug (lower-case letters, digits and hyphens); write {usage}";
            }
        }

        if (options.TryGetValue("round", out var round)
            && !(double.TryParse(round, NumberStyles.Float, CultureInfo.InvariantCulture, out var step)
                && step > 0
                && double.IsFinite(step)))
        {
            return $"round= takes a positive number such as 100 or 0.5, found '{Shorten(round)}'";
        }

        if (options.TryGetValue("unit", out var unit) && unit != "none")
        {
            return $"unit= only takes 'none', found '{Shorten(unit)}'";
        }

        if (options.TryGetValue("layout", out var layout) && layout is not ("rows" or "columns"))
        {
            return $"layout= takes 'rows' or 'columns', found '{Shorten(layout)}'";
        }

        if (options.TryGetValue("frameworks", out var frameworks) && !frameworks.Split(',').All(Identifiers.IsSlug))
        {
            return $"frameworks= takes a comma-separated list of slugs, found '{Shorten(frameworks)}'";
        }

        return CheckRuns(options) ?? CheckChart(shape, arguments) ?? CheckCalculator(shape, arguments, options);
    }

    private static string? CheckCalculator(
        DataReferenceKind shape, List<string> arguments, Dictionary<string, string> options)
    {
        if (shape == DataReferenceKind.CalculatorValue)
        {
            return CalculatorQuantities.Contains(arguments[1])
                ? null
                : $"calculator-value cites {string.Join(", ", CalculatorQuantities)}, found '{Shorten(arguments[1])}'";
        }

        if (shape != DataReferenceKind.Calculator)
        {
            return null;
        }

        string? error = null;
        if (!options.TryGetValue(CalculatorBounds.RequestsField, out var requests))
        {
            return "calculator needs requests=N, the requests per day its default result is for";
        }

        _ = CalculatorBounds.Requests(requests, out error);
        if (error is null && options.TryGetValue(CalculatorBounds.PeakField, out var peak))
        {
            _ = CalculatorBounds.Peak(peak, out error);
        }

        if (error is null && options.TryGetValue(CalculatorBounds.HeadroomField, out var headroom))
        {
            _ = CalculatorBounds.Headroom(headroom, out error);
        }

        return error;
    }

    private static string? CheckRuns(Dictionary<string, string> options)
    {
        if (options.TryGetValue("run", out var run) && !Identifiers.IsRunId(run))
        {
            return $"run= takes a run id, found '{Shorten(run)}'";
        }

        var origins = string.Join(" or ", RunOriginText.All);
        if (options.TryGetValue("origin", out var origin) && RunOriginText.Parse(origin) is null)
        {
            return $"origin= takes {origins}, found '{Shorten(origin)}'";
        }

        var each = options.GetValueOrDefault("origins")?.Split(',') ?? [];
        if (each.Any(o => RunOriginText.Parse(o) is null)
            || each.Distinct(StringComparer.Ordinal).Count() < each.Length)
        {
            return "origins= takes a comma-separated list of distinct origins "
                + $"({origins}), found '{Shorten(options["origins"])}'";
        }

        var selectors = RunChoosers.Where(options.ContainsKey).ToList();
        return selectors.Count > 1
            ? $"give only one of {string.Join(", ", selectors.Select(o => o + "="))}: each chooses the runs"
            : null;
    }

    private static string? CheckChart(DataReferenceKind shape, List<string> arguments)
    {
        if (shape == DataReferenceKind.Chart
            && arguments.Select(a => a.Split(':')[1]).Distinct(StringComparer.Ordinal).Count() > 1)
        {
            return "a chart shows one metric; give several SCENARIO:METRIC pairs only with the same METRIC";
        }

        return null;
    }

    private static string FirstWord(string source) => source.TrimStart().Split(' ', 2)[0];

    private static bool IsSeries(string argument) =>
        argument.Split(':', 2) is [var scenario, var metric]
        && Identifiers.IsSlug(scenario)
        && Identifiers.IsSlug(metric);

    // A reference is one line of an article: a longer cut still shows the author which one is meant.
    private static string Shorten(string text) => Identifiers.Shorten(text, 60);
}
