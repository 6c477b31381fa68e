namespace ComparisonSite.Figures;

/// <summary>
/// A data block in words, as a reader reads it: its caption, and its table (or list) cell by cell as shown, a
/// number with its range, with the best marks kept apart. The writers record it while they write the HTML, from
/// the same strings, so the import dry run compares two renders cell by cell without reading markup back.
/// </summary>
public sealed class FigureReading
{
    private readonly List<FigureReadingRow> _rows = [];

    /// <summary>The caption (or the calculator's lead sentence); empty when the block has none.</summary>
    public string Caption { get; set; } = string.Empty;

    /// <summary>The header row, its first cell over the row headings; empty for a list of terms.</summary>
    public IReadOnlyList<string> Columns { get; private set; } = [];

    public IReadOnlyList<FigureReadingRow> Rows => _rows;

    /// <summary>Which way the best marks run: each row has its best, each column has, or the block marks none.
    /// </summary>
    public BestAlong Best { get; set; } = BestAlong.None;

    public void Header(IEnumerable<string> columns) => Columns = [.. columns];

    public void Row(string heading) => _rows.Add(new FigureReadingRow(heading, []));

    /// <summary>A cell of the last row, as shown: "1,510 (1,480–1,535)", "n/a".</summary>
    public void Cell(string text, BestMark mark = BestMark.None) => _rows[^1].Cells.Add(new(text, mark));
}

public sealed record FigureReadingRow(string Heading, List<FigureReadingCell> Cells);

public sealed record FigureReadingCell(string Text, BestMark Mark);

public enum BestAlong
{
    None,
    Rows,
    Columns,
}

/// <summary>★ for a clear best, "≈ best" for values with no clear difference from it.</summary>
public enum BestMark
{
    None,
    Best,
    WithinNoise,
}
