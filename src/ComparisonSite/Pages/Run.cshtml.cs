using ComparisonSite.Figures;
using ComparisonSite.Routing;
using ComparisonSite.Runs;
using ComparisonSite.Seo;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ComparisonSite.Pages;

/// <summary>
/// A run's permanent page under a comparison. The id is matched against the snapshot only: a removed run answers
/// 410, anything else that is not a run of the comparison's suites (unknown, malformed, another suite's) a 404,
/// each with a page pointing to the data page.
/// </summary>
public sealed class RunModel(HistoryPages pages, FigureFormatter formatter, SiteUrls urls) : PageModel
{
    public RunLookup? Lookup { get; private set; }

    public string Slug { get; private set; } = "";

    public string ArticleTitle { get; private set; } = "";

    /// <summary>The run id from the address.</summary>
    public string RunId { get; private set; } = "";

    /// <summary>The part of a split run page asked for (1 on the run's own address).</summary>
    public int Part { get; private set; } = 1;

    public IActionResult OnGet(string runId, int part = 1)
    {
        var (article, snapshot) = HttpContext.Comparison();
        (Slug, ArticleTitle, RunId, Part) = (article.Slug, article.Meta.Title, runId, part);
        Lookup = pages.FindRun(article, snapshot, runId, part);
        if (Lookup.Status == RunStatus.Found && RouteData.Values.ContainsKey("part") && part == 1)
        {
            // Part 1 is the run's own address: one address per page (the id is a known run's, safe to echo).
            return RedirectPermanent(SiteAddresses.Run(article.Slug, runId));
        }

        if (Lookup.Page is not { } page)
        {
            // A page of its own rather than the generic one: it names the comparison and links its data page.
            Response.StatusCode = Lookup.Status == RunStatus.Removed
                ? StatusCodes.Status410Gone
                : StatusCodes.Status404NotFound;
            ViewData[nameof(PageMetadata)] = new PageMetadata
            {
                Title = Lookup.Status switch
                {
                    RunStatus.Removed => "This benchmark run was removed",
                    RunStatus.NoSuchPart => "No such part of this benchmark run",
                    _ => "No such benchmark run",
                },
                Description = $"Every benchmark run behind {article.Meta.Title} is listed on its data page.",
                NoIndex = true,
            };
            return Page();
        }

        var info = page.Run.Run.Info;
        Response.GetTypedHeaders().LastModified = page.Run.Run.ChangedAt;
        var date = formatter.Date(info.Date);
        var origin = page.Run.Run.IsReported ? $"figures as reported by {info.Source}" : $"measured by {info.Source}";
        var partTitle = page.Parts.IsSplit ? $", part {part} of {page.Parts.Parts.Count}" : "";
        ViewData[nameof(PageMetadata)] = new PageMetadata
        {
            Title = $"{info.Title} ({date}): benchmark run {info.Id}{partTitle}",
            Description = $"Benchmark run {info.Id} of {date}, {origin}: {page.Run.Measurements.Count} measurements "
                + $"for {article.Meta.Title}, with environment, CSV and JSON downloads and a citation.",
            Canonical = part == 1 ? page.PermanentUrl : urls.Absolute(page.Parts.Parts[part - 1].Href),
            Modified = page.Run.Run.ChangedAt,
            StructuredData = [StructuredData.ForRun(page, snapshot, urls)],
        };
        return Page();
    }
}
