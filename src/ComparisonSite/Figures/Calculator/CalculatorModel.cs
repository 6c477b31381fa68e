using ComparisonSite.Results;
using ComparisonSite.Results.Store;

namespace ComparisonSite.Figures.Calculator;

/// <summary>One framework's line of the calculator: its name and the throughput the servers are sized by.</summary>
public sealed record CalculatorRow(string Framework, string Name, Measurement Throughput);

/// <summary>
/// Everything a <c>{{calculator}}</c> reads, resolved against one snapshot: the run and metric its throughputs come
/// from, the article's price per server and the editor's default input. The article's block, the
/// <c>/&lt;slug&gt;/cost</c> page and <c>{{calculator-value}}</c> all build it here and compute from it alike.
/// </summary>
public sealed record CalculatorModel(
    string Id,
    RunResults Run,
    string Scenario,
    Metric Metric,
    ServerPrice Price,
    CalculatorInput Default,
    IReadOnlyList<CalculatorRow> Rows)
{
    /// <summary>Each framework's servers and monthly cost for this input.</summary>
    public IEnumerable<(CalculatorRow Row, CalculatorResult Result)> Results(CalculatorInput input) =>
        Rows.Select(r => (r, ServerCostCalculator.Compute(input, r.Throughput.Value, Price.UsdPerMonth)));

    /// <summary>
    /// The calculator a reference asks for (its runs, SCENARIO:METRIC, frameworks and default input), or null
    /// after writing why there is none (no price in the front matter, an unknown slug, a metric that is not a
    /// throughput, a missing value) as a problem with file and line.
    /// </summary>
    public static CalculatorModel? Build(
        FigureWriter figure, IReadOnlyList<RunSelector> selectors, SeriesKey series,
        IReadOnlyList<string>? frameworks, CalculatorInput defaults, bool block, string? id = null)
    {
        var context = figure.Context;
        if (context.Article.ServerPrice is not { } price)
        {
            figure.WriteUnresolved(
                "the calculator needs a price per server: add serverPrice: { server, usdPerMonth, source, date } "
                + "to the article's front matter (index.md)",
                block);
            return null;
        }

        if (figure.Runs(selectors, block) is not [var run])
        {
            return null;
        }

        if (context.FirstUnknown([series], frameworks) is { } unknown)
        {
            figure.WriteUnresolved(unknown, block);
            return null;
        }

        var metric = context.Snapshot.Metrics[series.Metric];
        if (metric.Better != Better.Higher || metric.Kind != Metric.MeasurementKind)
        {
            figure.WriteUnresolved(
                $"metric '{metric.Slug}' is not a measured throughput (higher is better), so servers cannot be "
                + "sized by it; use e.g. json:rps",
                block);
            return null;
        }

        var rows = new List<CalculatorRow>();
        foreach (var framework in frameworks ?? context.Article.Frameworks)
        {
            if (run.Find(framework, series.Scenario, series.Metric) is not { Value: > 0 } measurement)
            {
                figure.WriteUnresolved(
                    $"run '{run.Run.Id}' has no positive value for {framework} on {series}", block);
                return null;
            }

            rows.Add(new CalculatorRow(framework, context.FrameworkName(framework), measurement));
        }

        return new CalculatorModel(
            id ?? "calculator", run, series.Scenario, metric, price, defaults, rows);
    }
}
