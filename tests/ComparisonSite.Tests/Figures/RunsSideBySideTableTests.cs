using AngleSharp.Dom;

namespace ComparisonSite.Tests.Figures;

/// <summary>
/// A table of runs side by side (<c>origins=</c>) reads on a phone: a group of rows per scenario and metric,
/// headed once with the unit and direction, a row per run labelled by the run, with the full label kept for screen
/// readers; every value cell names its column for the narrow layout.
/// </summary>
public sealed class RunsSideBySideTableTests
{
    private const string Reference = "{{table apart:rps touching:rps origins=reported,measured}}";

    [Fact]
    public void Each_scenario_and_metric_heads_a_group_of_one_row_per_run()
    {
        var (page, context) = NoiseEdges.Render(Reference, showErrors: false);

        var table = page.QuerySelector("table.benchmark")!;
        var groups = table.QuerySelectorAll("tbody.run-group");
        Assert.Equal(2, groups.Length);
        Assert.Equal(
            ["Requests per second, Ranges apart (req/s, higher is better)",
             "Requests per second, Ranges touching (req/s, higher is better)"],
            groups.Select(g => g.QuerySelector("tr.group-heading th[scope=rowgroup]")!.TextContent));
        // The heading spans the framework columns and the row headers' column.
        Assert.All(groups, g => Assert.Equal(
            (table.QuerySelectorAll("thead th").Length).ToString(CultureInfo.InvariantCulture),
            g.QuerySelector("tr.group-heading th")!.GetAttribute("colspan")));
        var rows = groups[0].QuerySelectorAll("tr:not(.group-heading)");
        Assert.Equal(2, rows.Length);
        var heading = rows[0].QuerySelector("th[scope=row]")!;
        var shown = heading.ChildNodes.Where(n => n is not IElement { ClassName: "visually-hidden" })
            .Select(n => n.TextContent);
        Assert.Equal("Example Lab (reported)", string.Concat(shown));
        Assert.Equal(
            "Requests per second, Ranges apart (req/s, higher is better): Example Lab (reported)",
            heading.TextContent);
        Assert.Equal("ours (measured)", rows[1].QuerySelector("th")!.LastChild!.TextContent);
        Assert.Empty(context.Problems);
    }

    [Fact]
    public void Every_value_cell_names_its_column_and_the_table_its_number_of_columns()
    {
        var (page, _) = NoiseEdges.Render(Reference, showErrors: false);

        var table = page.QuerySelector("table.benchmark")!;
        var columns = table.QuerySelectorAll("thead th").Skip(1).Select(th => th.TextContent).ToList();
        Assert.Equal(["FastAPI", "Django", "Flask"], columns);
        Assert.Equal("3", table.GetAttribute("data-columns"));
        foreach (var row in table.QuerySelectorAll("tbody tr:not(.group-heading)"))
        {
            Assert.Equal(columns, row.QuerySelectorAll("td").Select(td => td.GetAttribute("data-column")));
        }
    }

    [Fact]
    public void A_single_run_keeps_one_row_per_metric_with_its_whole_label()
    {
        var (page, _) = NoiseEdges.Render("{{table apart:rps touching:rps}}", showErrors: false);

        var table = page.QuerySelector("table.benchmark")!;
        Assert.Empty(table.QuerySelectorAll(".group-heading, .visually-hidden"));
        Assert.Equal(
            "Requests per second, Ranges touching (req/s, higher is better)",
            table.QuerySelectorAll("tbody th")[1].TextContent);
    }

    [Fact]
    public void A_charts_table_names_each_values_column_too()
    {
        var (page, _) = NoiseEdges.Render("{{chart apart:rps touching:rps}}", showErrors: false);

        var table = page.QuerySelector("table.chart-table")!;
        var columns = table.QuerySelectorAll("thead th").Skip(1).Select(th => th.TextContent).ToList();
        Assert.Equal("2", table.GetAttribute("data-columns"));
        Assert.All(
            table.QuerySelectorAll("tbody tr"),
            row => Assert.Equal(columns, row.QuerySelectorAll("td").Select(td => td.GetAttribute("data-column"))));
    }
}
