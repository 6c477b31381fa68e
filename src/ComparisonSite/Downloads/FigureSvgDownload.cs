using ComparisonSite.Articles;
using ComparisonSite.Caching;
using ComparisonSite.Content;
using ComparisonSite.Figures.Svg;
using ComparisonSite.Results.Store;

namespace ComparisonSite.Downloads;

/// <summary>
/// <c>/&lt;slug&gt;/figures/&lt;id&gt;.svg</c>: one chart of an article as a file of its own (its title, the chart
/// and its source; light colours in an embedded style element), from the same render the article shows, cached
/// under the comparison's version like the other downloads. 404 for an id that names no chart of the article.
/// </summary>
internal static class FigureSvgDownload
{
    /// <summary>
    /// The policy for the file opened as a document: nothing may load, and the only style is the file's own
    /// (allowed by its hash, so still no 'unsafe-inline').
    /// </summary>
    public static readonly string ContentSecurityPolicy =
        $"default-src 'none'; style-src {SvgDocument.StyleHash}; frame-ancestors 'none'";

    /// <summary>Whether a request is for a figure's SVG (whose response gets <see cref="ContentSecurityPolicy"/>).
    /// </summary>
    public static bool Matches(PathString path) =>
        path.Value is { } value && value.EndsWith(".svg", StringComparison.Ordinal)
        && value.Contains("/figures/", StringComparison.Ordinal);

    public static IEndpointRouteBuilder MapFigureSvgDownloads(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMethods(
                "/{slug:slug}/figures/{id}.svg",
                [HttpMethods.Get, HttpMethods.Head],
                (string slug, string id, HttpContext http, ContentLibrary library, ResultsStore store,
                    ArticlePageRenderer renderer) => Respond(slug, id, http, library, store, renderer))
            .CachePage();
        return endpoints;
    }

    private static IResult Respond(
        string slug, string id, HttpContext http, ContentLibrary library, ResultsStore store,
        ArticlePageRenderer renderer)
    {
        if (library.FindPublished(slug) is not { } article)
        {
            return TypedResults.NotFound();
        }

        if (store.Current is not { } snapshot)
        {
            return TypedResults.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        var page = renderer.Render(article, snapshot);
        if (page.Figures.FirstOrDefault(f => f.Id == id && f.Svg is not null) is not { Svg: { } svg })
        {
            return TypedResults.NotFound();
        }

        http.Response.GetTypedHeaders().LastModified = page.Modified;
        return TypedResults.Text(svg, "image/svg+xml; charset=utf-8");
    }
}
