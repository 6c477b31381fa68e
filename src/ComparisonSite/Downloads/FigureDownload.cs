using System.Globalization;
using ComparisonSite.Articles;
using ComparisonSite.Caching;
using ComparisonSite.Content;
using ComparisonSite.Figures;
using ComparisonSite.Results.Store;
using Microsoft.Net.Http.Headers;

namespace ComparisonSite.Downloads;

/// <summary>
/// <c>/&lt;slug&gt;/figures/&lt;id&gt;.csv</c>: the numbers of one figure of a comparison and nothing else, as its
/// table shows them (<see cref="RenderedFigure.Data"/>), spreadsheet-safe and kept by the page cache like the
/// comparison's other downloads.
/// </summary>
internal static class FigureDownload
{
    public static IEndpointRouteBuilder MapFigureDownloads(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMethods(
                "/{slug:slug}/figures/{id}.csv",
                [HttpMethods.Get, HttpMethods.Head],
                Respond)
            .CachePage();
        return endpoints;
    }

    /// <summary>
    /// The figure's CSV; a moved comparison redirects and a removed one is gone, as for its other addresses; 404 for
    /// a figure the article does not have, 503 while no snapshot is loaded.
    /// </summary>
    private static IResult Respond(
        string slug,
        string id,
        HttpContext http,
        ContentLibrary library,
        ResultsStore store,
        ArticlePageRenderer renderer)
    {
        var resolution = library.Resolve(slug);
        switch (resolution.Status)
        {
            case SlugStatus.NotFound:
                return TypedResults.NotFound();
            case SlugStatus.Moved:
                return TypedResults.LocalRedirect($"/{resolution.Article!.Slug}/figures/{id}.csv", permanent: true);
            case SlugStatus.Gone:
                return TypedResults.StatusCode(StatusCodes.Status410Gone);
        }

        if (store.Current is not { } snapshot)
        {
            return TypedResults.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        var article = resolution.Article!;
        var page = renderer.Render(article, snapshot);
        if (page.Figures.FirstOrDefault(f => f.Id == id) is not { } figure)
        {
            return TypedResults.NotFound();
        }

        http.Response.GetTypedHeaders().LastModified = page.Modified;
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
