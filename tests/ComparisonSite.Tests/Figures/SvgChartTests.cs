using System.Xml.Linq;
using AngleSharp.Dom;
using ComparisonSite.Figures;
using ComparisonSite.Figures.Svg;
using ComparisonSite.Markdown;
using ComparisonSite.Results.Store;

namespace ComparisonSite.Tests.Figures;

/// <summary>
/// Charts drawn on the server: each chart's inline SVG is an accessible image that shows the numbers of the table
/// under it, in the same words, and its standalone file is well-formed SVG with those numbers.
/// </summary>
public sealed class SvgChartTests
{
    private static readonly ResultsSnapshot Seed =
        TestSnapshots.From(TestSnapshots.SeedDocument(), TestSnapshots.MeasuredSeedDocument());

    private static (IDocument Html, FigureContext Context) Render(string markdown)
    {
        var diagnostics = new List<ContentDiagnostic>();
        var document = ArticleMarkdown.Parse(markdown, "test.md", 1, diagnostics);
        Assert.Empty(diagnostics);
        var context = new FigureContext(
            Seed, TestSnapshots.Article(), new FigureFormatter(CultureInfo.GetCultureInfo("en-US")), false)
        {
            ArticleFigures = true,
        };
        return (new HtmlParser().ParseDocument(ArticleMarkdown.ToHtml(document, context)), context);
    }

    /// <summary>
    /// The tooltip each table cell promises on its bar: "FastAPI, JSON endpoint: 8,520 req/s", with the range when
    /// the cell has one.
    /// </summary>
    internal static List<string> ExpectedTitles(IElement figure, string unit)
    {
        var headers = figure.QuerySelectorAll("table.chart-table thead th").Skip(1)
            .Select(h => h.TextContent[..h.TextContent.LastIndexOf(" (", StringComparison.Ordinal)])
            .ToList();
        var titles = new List<string>();
        foreach (var row in figure.QuerySelectorAll("table.chart-table tbody tr"))
        {
            var framework = row.QuerySelector("th")!.TextContent;
            var cells = row.QuerySelectorAll("td").ToList();
            for (var i = 0; i < cells.Count; i++)
            {
                if (cells[i].QuerySelector("data") is not { } data)
                {
                    continue;
                }

                var range = cells[i].QuerySelector(".spread")?.TextContent.Trim();
                var title = $"{framework}, {headers[i]}: {FigureFormatter.WithUnit(data.TextContent, unit)}";
                titles.Add(range is null ? title : $"{title} (range {RangeOf(range)})");
            }
        }

        return titles;
    }

    private static string RangeOf(string spread) =>
        spread[(spread.IndexOf('(', StringComparison.Ordinal) + 1)..spread.LastIndexOf(')')];

    private static List<string> BarTitles(IElement svg) =>
        [.. svg.QuerySelectorAll("rect.bar > title, circle.point > title").Select(t => t.TextContent)];

    [Theory]
    [InlineData("{{chart json:rps db:rps}}", "req/s", "higher is better")]
    [InlineData("{{chart json:rps db:rps horizontal}}", "req/s", "higher is better")]
    [InlineData("{{chart json:p99}}", "ms", "lower is better")]
    [InlineData("{{chart idle:memory origins=reported,measured}}", "MB", "lower is better")]
    [InlineData("{{chart json:rps origin=measured}}", "req/s", "higher is better")]
    public void The_svg_is_an_accessible_image_showing_the_tables_numbers(string reference, string unit, string way)
    {
        var (html, context) = Render(reference);

        Assert.Empty(context.Problems);
        var figure = html.QuerySelector("figure.chart")!;
        var svg = figure.QuerySelector(".chart-box > svg.chart-svg")!;
        Assert.Equal("img", svg.GetAttribute("role"));
        var title = html.GetElementById(svg.GetAttribute("aria-labelledby")!)!;
        Assert.Equal("title", title.LocalName);
        Assert.StartsWith("Bar chart of ", title.TextContent, StringComparison.Ordinal);
        Assert.EndsWith(
            "The data is in the table below.", html.GetElementById(svg.GetAttribute("aria-describedby")!)!.TextContent,
            StringComparison.Ordinal);
        Assert.Equal($"{unit}, {way}", svg.QuerySelector("text.axis-title")!.TextContent);
        var expected = ExpectedTitles(figure, unit);
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Order(), BarTitles(svg).Order());

        // Every drawn part of a framework says which framework it is, for the framework filter.
        var frameworks = figure.QuerySelectorAll("table.chart-table tbody th").Select(t => t.TextContent).ToList();
        Assert.Equal(frameworks.Count, svg.QuerySelectorAll(".legend-item[data-framework]").Length);
        Assert.All(
            svg.QuerySelectorAll("rect.bar, path.whisker, .legend-item"),
            e => Assert.False(string.IsNullOrEmpty(e.GetAttribute("data-framework"))));
        Assert.Empty(svg.QuerySelectorAll("[style]"));
        // The canvas waits, hidden, in the same box.
        Assert.True(figure.QuerySelector(".chart-box > .chart-canvas")!.HasAttribute("hidden"));
    }

    [Fact]
    public void Spreads_draw_whiskers_and_one_group_orders_the_bars_best_first()
    {
        var (html, _) = Render("{{chart json:p99 origin=measured}}\n\n{{chart json:rps origin=measured}}");
        var charts = html.QuerySelectorAll("figure.chart").ToList();

        var p99 = charts[0].QuerySelector("svg")!;
        Assert.NotEmpty(p99.QuerySelectorAll("path.whisker"));
        var values = p99.QuerySelectorAll("rect.bar").Select(b => double.Parse(
            b.QuerySelector("title")!.TextContent.Split(": ")[1].Split('\u00a0')[0], CultureInfo.InvariantCulture));
        Assert.Equal(values.Order(), values);
        Assert.Equal("ms, lower is better", p99.QuerySelector(".axis-title")!.TextContent);

        var rps = charts[1].QuerySelectorAll("svg rect.bar").Select(b => double.Parse(
            b.QuerySelector("title")!.TextContent.Split(": ")[1].Split('\u00a0')[0],
            NumberStyles.Number,
            CultureInfo.GetCultureInfo("en-US"))).ToList();
        Assert.Equal(rps.OrderDescending(), rps);
    }

    [Fact]
    public void Chart_downloads_link_its_svg_file_which_is_standalone_svg_with_the_same_numbers()
    {
        var (html, context) = Render("{{chart json:rps db:rps origins=reported,measured}}");
        var figure = html.QuerySelector("figure.chart")!;
        var id = figure.Id!;

        Assert.Equal(
            $"/test-comparison/figures/{id}.svg",
            figure.QuerySelector(".figure-downloads a.figure-svg")!.GetAttribute("href"));
        var file = Assert.Single(context.Figures).Svg!;
        var xml = XDocument.Parse(file);
        XNamespace svg = "http://www.w3.org/2000/svg";
        Assert.Equal(svg + "svg", xml.Root!.Name);
        Assert.Equal(SvgDocument.Style, xml.Root.Element(svg + "style")!.Value);
        var titles = xml.Descendants(svg + "rect").Where(r => (string?)r.Attribute("class") is { } c
            && c.StartsWith("bar ", StringComparison.Ordinal)).Select(r => r.Element(svg + "title")!.Value);
        Assert.Equal(ExpectedTitles(figure, "req/s").Order(), titles.Order());
        Assert.Contains(
            xml.Descendants(svg + "text"),
            t => t.Value.StartsWith("Source: Bytepulse", StringComparison.Ordinal));
    }

    [Fact]
    public void Nice_ticks_are_round_and_cover_the_largest_value()
    {
        var scale = SvgScale.For(8520);
        Assert.Equal([0, 2000, 4000, 6000, 8000, 10000], scale.Ticks());
        Assert.Equal(0.25, SvgScale.For(1.1).Step);
        Assert.Equal(1.25, SvgScale.For(1.1).Max);
        Assert.Equal(2, SvgScale.For(1.1).Decimals);
    }
}
