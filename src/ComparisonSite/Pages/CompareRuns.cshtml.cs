using ComparisonSite.Figures;
using ComparisonSite.Routing;
using ComparisonSite.Runs;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ComparisonSite.Pages;

/// <summary>
/// <c>/&lt;slug&gt;/compare?a=&lt;run&gt;&amp;b=&lt;run&gt;</c>, where the run picker's plain GET form lands: a
/// valid pair is redirected (303) to its one address, so the page cache, keyed by path, holds one entry per pair
/// and never one per query string. Anything else (another parameter, a repeated or missing one, a run that is
/// not the suite's, one run twice) answers 404 with the picker.
/// </summary>
public sealed class CompareRunsModel(FigureFormatter formatter) : PageModel
{
    private static readonly string[] Parameters = ["a", "b"];

    public RunPairNotFound? NotFoundAnswer { get; private set; }

    public IActionResult OnGet()
    {
        var (article, snapshot) = HttpContext.Comparison();

        var query = Request.Query;
        var bounded = query.Keys.All(k => Parameters.Contains(k, StringComparer.OrdinalIgnoreCase))
            && Parameters.All(p => query[p].Count <= 1);
        var (pair, problem) = bounded
            ? RunPairs.Find(snapshot, article.Meta.Suite, query["a"], query["b"])
            : (null, new RunPairProblem(
                "The address should name two runs, as ?a=<run id>&b=<run id>, and nothing else."));
        if (pair is null)
        {
            NotFoundAnswer = new RunPairNotFound(
                problem!.Message, RunPicker.For(article, snapshot, formatter, a: null, b: null));
            return RunPairAnswers.NotFound(this);
        }

        Response.Headers.Location = SiteAddresses.RunDifference(article.Slug, pair.Earlier.Run.Id, pair.Later.Run.Id);
        return StatusCode(StatusCodes.Status303SeeOther);
    }
}
