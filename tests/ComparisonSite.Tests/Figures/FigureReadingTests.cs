using AngleSharp.Dom;
using ComparisonSite.Figures;

namespace ComparisonSite.Tests.Figures;

/// <summary>
/// A block's reading (what the import dry run compares) says exactly what the page shows: each figure rendered
/// from the noise-edge runs, read back from its HTML with a real parser, gives the same caption, header, rows,
/// cells and best marks as the reading its writer recorded.
/// </summary>
public sealed class FigureReadingTests
{
    [Theory]
    [InlineData("{{table touching:rps mixed:rps chain:rps}}", "Rows")]
    [InlineData("{{table touching:rps all-within:rps layout=rows}}", "Columns")]
    [InlineData("{{table apart:rps origins=measured,reported}}", "Rows")]
    [InlineData("{{chart touching:rps mixed:rps}}", "None")]
    public void A_tables_or_charts_reading_is_its_caption_and_cells_as_shown(string reference, string bestAlong)
    {
        var (page, reading) = Render(reference);

        var caption = page.QuerySelector("caption, figcaption")!;
        // A group heading over runs side by side repeats what each of its rows' headings says in full.
        var rows = page.QuerySelectorAll("table tr:not(.group-heading)");
        Assert.Equal(Words(caption), reading.Caption);
        Assert.Equal(rows[0].Children.Select(Words), reading.Columns);
        Assert.Equal(rows.Skip(1).Select(r => Words(r.Children[0])), reading.Rows.Select(r => r.Heading));
        Assert.Equal(
            rows.Skip(1).SelectMany(r => r.Children.Skip(1)).Select(CellAsShown),
            reading.Rows.SelectMany(r => r.Cells).Select(c => (c.Text, c.Mark)));
        Assert.Equal(bestAlong, reading.Best.ToString());
        Assert.Contains(reading.Rows.SelectMany(r => r.Cells), c => c.Text.Contains('–', StringComparison.Ordinal));
    }

    [Fact]
    public void An_environments_reading_is_each_term_with_its_text()
    {
        var (page, reading) = Render("{{environment}}");

        var terms = page.QuerySelectorAll("dl.run-environment dt").Where(t => t.TextContent != "Data").ToList();
        Assert.NotEmpty(terms);
        Assert.Equal(terms.Select(Words), reading.Rows.Select(r => r.Heading));
        Assert.Equal(
            terms.Select(t => t.NextElementSibling!).Select(d => d.QuerySelector("ul") is { } list
                ? string.Join(" ", list.Children.Select(i => i.TextContent))
                : d.TextContent),
            reading.Rows.Select(r => Assert.Single(r.Cells).Text));
        Assert.Empty(reading.Columns);
    }

    [Fact]
    public void A_block_that_cannot_be_resolved_reads_as_not_available()
    {
        var (_, reading) = Render("{{table nowhere:rps}}", problems: 1);

        Assert.Equal("n/a", reading.Caption);
        Assert.Empty(reading.Rows);
    }

    /// <summary>A cell's words without its best mark, and which mark its class gives.</summary>
    private static (string, BestMark) CellAsShown(IElement cell)
    {
        var mark = cell.ClassName switch
        {
            "best" => BestMark.Best,
            "best-tied" => BestMark.WithinNoise,
            _ => BestMark.None,
        };
        var copy = (IElement)cell.Clone();
        copy.QuerySelector(".best-mark")?.Remove();
        return (Words(copy), mark);
    }

    private static string Words(IElement element) => string.Join(' ', element.TextContent.Split(
        [' ', '\n'], StringSplitOptions.RemoveEmptyEntries));

    private static (IDocument Page, FigureReading Reading) Render(string markdown, int problems = 0)
    {
        var (page, context) = NoiseEdges.Render(markdown, showErrors: false);
        Assert.Equal(problems, context.Problems.Count);
        return (page, Assert.Single(context.Readings));
    }
}
