using System.Globalization;
using ComparisonSite.Results;

namespace ComparisonSite.Figures.Svg;

/// <summary>A chart's or trend's drawing, with the model it was drawn from (for wrapping it inline or standalone).
/// </summary>
internal sealed record SvgFigure(SvgChart Chart, string Body)
{
    public static SvgFigure Bars(
        FigureContext context, Metric metric, string id, string title, string axisTitle, ChartData data)
    {
        var chart = Model(context, metric, id, title, axisTitle, data.Labels, data.Series, data.Horizontal);
        return new SvgFigure(chart, SvgBarChart.Body(chart));
    }

    public static SvgFigure Trend(
        FigureContext context, Metric metric, string id, string title, string axisTitle, TrendData data)
    {
        var chart = Model(context, metric, id, title, axisTitle, data.Labels, data.Series, horizontal: false);
        return new SvgFigure(chart, SvgLineChart.Body(chart));
    }

    private static SvgChart Model(
        FigureContext context, Metric metric, string id, string title, string axisTitle,
        IReadOnlyList<string> labels, IReadOnlyList<ChartSeries> series, bool horizontal)
    {
        var culture = context.Formatter.Culture;
        var what = series.Count == 1 ? series[0].Label : string.Join(", ", series.Select(s => s.Label));
        var description = $"{what}; {string.Join(", ", labels)}. The data is in the table below.";
        return new SvgChart(
            id,
            title,
            description,
            axisTitle,
            labels,
            series,
            horizontal,
            v => context.Formatter.Number(v, metric),
            n => FigureFormatter.WithUnit(n, metric.Unit),
            (v, decimals) => v.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), culture));
    }
}
