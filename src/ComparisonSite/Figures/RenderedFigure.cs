namespace ComparisonSite.Figures;

/// <summary>
/// One figure of a rendered article (a chart, a trend or a benchmark table), kept so that it can stand on its
/// own: its permanent id in the page, its title, its HTML exactly as the article shows it (for the embed page)
/// and only its own numbers (for its CSV download).
/// </summary>
/// <param name="Id">The figure's id in the article: stable across renders, so a link to it keeps working.</param>
/// <param name="Kind">"chart", "trend", "scaling" or "table".</param>
/// <param name="Title">What the figure shows, in words: its caption's first sentence.</param>
/// <param name="Html">The figure as the article renders it.</param>
/// <param name="Data">The figure's numbers as a table of text: a header row, then one row per line.</param>
/// <param name="Svg">A chart's or trend's standalone SVG file (its download), null for a table.</param>
public sealed record RenderedFigure(
    string Id, string Kind, string Title, string Html, FigureData Data, string? Svg = null);

/// <summary>
/// A figure's numbers as plain cells: numbers in invariant culture at full precision, an empty cell for a value a
/// run does not have.
/// </summary>
public sealed record FigureData(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows);
