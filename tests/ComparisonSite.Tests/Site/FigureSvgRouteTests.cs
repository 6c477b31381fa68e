using System.Xml.Linq;
using ComparisonSite.Figures.Svg;
using ComparisonSite.Tests.Figures;

namespace ComparisonSite.Tests.Site;

/// <summary>
/// <c>/&lt;slug&gt;/figures/&lt;id&gt;.svg</c>: every chart of the article as a standalone SVG file with the numbers
/// its table shows, cached like the other downloads; an unknown id is a 404.
/// </summary>
public sealed class FigureSvgRouteTests(PostgresFixture postgres) : SiteTestBase(postgres)
{
    private const string Slug = "/fastapi-vs-django-vs-flask";
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public async Task Every_chart_downloads_as_a_standalone_svg_with_its_tables_numbers()
    {
        var reader = Site.CreateReader();
        var page = await SiteFactory.ParseAsync(await reader.GetAsync(Slug));
        var charts = page.QuerySelectorAll("figure.chart").ToList();
        Assert.True(charts.Count >= 4, $"{charts.Count} charts");
        Assert.Contains(charts, c => c.Id == "chart-idle-memory-reported-measured");
        Assert.Contains(charts, c => c.Id == "chart-idle-cold-start-reported-measured");

        foreach (var chart in charts)
        {
            var href = chart.QuerySelector(".figure-downloads a.figure-svg")!.GetAttribute("href")!;
            Assert.Equal($"{Slug}/figures/{chart.Id}.svg", href);
            using var response = await reader.GetAsync(href);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("image/svg+xml", response.Content.Headers.ContentType!.MediaType);
            Assert.NotNull(response.Headers.ETag);
            Assert.Contains(
                SvgDocument.StyleHash, response.Headers.GetValues("Content-Security-Policy").Single(),
                StringComparison.Ordinal);
            var xml = XDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal(Svg + "svg", xml.Root!.Name);
            Assert.NotEmpty(xml.Root.Element(Svg + "style")!.Value);
            var unit = chart.QuerySelector(".axis-title")!.TextContent.Split(", ")[0];
            var line = chart.ClassList.Contains("scaling");
            var (element, mark) = line ? ("circle", "point ") : ("rect", "bar ");
            var titles = xml.Descendants(Svg + element)
                .Where(r => ((string?)r.Attribute("class"))?.StartsWith(mark, StringComparison.Ordinal) == true)
                .Select(r => r.Element(Svg + "title")!.Value);
            // A line's points name their value; the ranges are in the chart's table only.
            var expected = SvgChartTests.ExpectedTitles(chart, unit);
            if (line)
            {
                expected = [.. expected.Select(t => t.Split(" (range ")[0])];
            }

            Assert.Equal(expected.Order(), titles.Order());
        }
    }

    [Fact]
    public async Task An_unknown_figure_or_comparison_is_not_found()
    {
        var reader = Site.CreateReader();
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"{Slug}/figures/chart-nope.svg")).StatusCode);
        using var unknown = await reader.GetAsync("/no-such-comparison/figures/chart-json-rps.svg");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
