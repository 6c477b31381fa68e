namespace ComparisonSite.Figures.Svg;

/// <summary>
/// What a server-drawn chart shows: the same data Chart.js reads (<see cref="ChartSeries"/> per framework, a label
/// per group or run), with the words around it and the site's number formatting, so every label reads as the
/// table under the chart does.
/// </summary>
/// <param name="Id">The figure's id; the SVG's title and description ids derive from it.</param>
/// <param name="Title">The chart's accessible name ("Bar chart of …").</param>
/// <param name="Description">What the chart shows and that the data is in the table below.</param>
/// <param name="AxisTitle">The value axis title: unit and "higher is better" or "lower is better".</param>
/// <param name="Labels">The groups (bar charts) or run dates (trends).</param>
/// <param name="Series">A framework each, in drawing order.</param>
/// <param name="Horizontal">Bars run sideways.</param>
/// <param name="Number">The site's formatter for a value at the metric's precision ("8,520").</param>
/// <param name="WithUnit">A formatted number with the metric's unit ("8,520 req/s").</param>
/// <param name="Tick">A tick value as the axis shows it.</param>
internal sealed record SvgChart(
    string Id,
    string Title,
    string Description,
    string AxisTitle,
    IReadOnlyList<string> Labels,
    IReadOnlyList<ChartSeries> Series,
    bool Horizontal,
    Func<double, string> Number,
    Func<string, string> WithUnit,
    Func<double, int, string> Tick);
