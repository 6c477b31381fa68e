using System.Globalization;
using ComparisonSite.Articles;
using ComparisonSite.Caching;
using ComparisonSite.Figures;
using ComparisonSite.Figures.Svg;
using ComparisonSite.Routing;
using Microsoft.Net.Http.Headers;

namespace ComparisonSite.Downloads;

/// <summary>
/// One figure of an article as a file of its own, from the same render the article shows, kept by the page cache
/// under the comparison's version like its other downloads:
/// <c>/&lt;slug&gt;/figures/&lt;id&gt;.csv</c>, the figure's numbers and nothing else, as its table shows them
/// (<see cref="RenderedFigure.Data"/>), spreadsheet-safe; and <c>/&lt;slug&gt;/figures/&lt;id&gt;.svg</c>, a chart
/// with its title and source, light colours in an embedded style element. The slug is answered by
/// <see cref="SlugPolicy"/>, as for every address under the comparison; 404 for a figure the article does not have
/// (or, for SVG, a figure that is not a chart).
/// </summary>
internal static class FigureDownloads
{
    /// <summary>
    /// The SVG's policy, opened as a document: nothing may load, and the only style is the file's own (allowed by its
    /// hash, so still no 'unsafe-inline').
    /// </summary>
    public static readonly string SvgContentSecurityPolicy =
        $"default-src 'none'; style-src {SvgDocument.StyleHash}; frame-ancestors 'none'";

    public static IEndpointRouteBuilder MapFigureDownloads(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMethods(
                "/{slug:slug}/figures/{id}.csv",
                [HttpMethods.Get, HttpMethods.Head],
                (string id, HttpContext http, ArticlePageRenderer renderer) => Respond(id, "csv", http, renderer))
            .CachePage();
        endpoints.MapMethods(
                "/{slug:slug}/figures/{id}.svg",
                [HttpMethods.Get, HttpMethods.Head],
                (string id, HttpContext http, ArticlePageRenderer renderer) => Respond(id, "svg", http, renderer))
            .WithMetadata(new OwnContentSecurityPolicy(SvgContentSecurityPolicy))
            .CachePage();
        return endpoints;
    }

    private static IResult Respond(string id, string extension, HttpContext http, ArticlePageRenderer renderer)
    {
        var (article, snapshot) = http.Comparison();
        var page = renderer.Render(article, snapshot);
        var figure = page.Figures.FirstOrDefault(f => f.Id == id);
        if (figure is null || (extension == "svg" && figure.Svg is null))
        {
            return TypedResults.NotFound();
        }

        http.Response.GetTypedHeaders().LastModified = page.Modified;
        if (extension == "svg")
        {
            return TypedResults.Text(figure.Svg, "image/svg+xml; charset=utf-8");
        }

        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName($"{article.Slug}-{figure.Id}.csv");
        http.Response.Headers.ContentDisposition = disposition.ToString();
        return TypedResults.Text(ToCsv(figure.Data), "text/csv; charset=utf-8");
    }

    /// <summary>The figure's numbers as CSV text: its header row, then a line per row of its table.</summary>
    internal static string ToCsv(FigureData data)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new SpreadsheetSafeCsvWriter(writer))
        {
            foreach (var row in data.Rows.Prepend(data.Columns))
            {
                foreach (var cell in row)
                {
                    csv.WriteField(cell);
                }

                csv.NextRecord();
            }
        }

        return writer.ToString();
    }
}
