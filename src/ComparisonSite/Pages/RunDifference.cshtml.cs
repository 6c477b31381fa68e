using ComparisonSite.Figures;
using ComparisonSite.Routing;
using ComparisonSite.Runs;
using ComparisonSite.Seo;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace ComparisonSite.Pages;

/// <summary>
/// <c>/&lt;slug&gt;/runs/&lt;a&gt;/vs/&lt;b&gt;</c>: what changed from run a to run b of the comparison's suite. A
/// pair that is not two different runs of that suite in the snapshot answers 404 with the run picker; the
/// catch-all <c>b</c> lets a malformed pair (<c>…/vs</c>, <c>…/vs/x/y</c>) get the same helpful answer.
/// </summary>
public sealed class RunDifferenceModel(SiteUrls urls, FigureFormatter formatter, IOptions<SiteOptions> site)
    : PageModel
{
    public RunDifference? Difference { get; private set; }

    public RunPicker? Picker { get; private set; }

    public RunPairNotFound? NotFoundAnswer { get; private set; }

    public IActionResult OnGet(string a, string? b, int part = 1)
    {
        var (article, snapshot) = HttpContext.Comparison();

        var (pair, problem) = RunPairs.Find(snapshot, article.Meta.Suite, a, b);
        Picker = RunPicker.For(article, snapshot, formatter, pair?.Earlier.Run.Id, pair?.Later.Run.Id);
        if (pair is null)
        {
            NotFoundAnswer = new RunPairNotFound(problem!.Message, Picker);
            return RunPairAnswers.NotFound(this);
        }

        var (earlier, later) = (pair.Earlier.Run, pair.Later.Run);
        var address = SiteAddresses.RunDifference(article.Slug, earlier.Id, later.Id);
        if (RouteData.Values.ContainsKey("part") && part == 1)
        {
            // Part 1 is the difference's own address: one address per page.
            return RedirectPermanent(address);
        }

        Difference = RunDifference.Between(pair, snapshot, formatter, address, part, site.Value.MeasurementsPerPage);
        if (Difference is null)
        {
            NotFoundAnswer = new RunPairNotFound(
                $"The difference from run “{earlier.Id}” to run “{later.Id}” has no part {part}: it starts at "
                + "part 1.",
                Picker);
            return RunPairAnswers.NotFound(this);
        }

        Response.GetTypedHeaders().LastModified = pair.ChangedAt;
        var parts = Difference.Parts;
        ViewData[nameof(PageMetadata)] = new PageMetadata
        {
            Title = $"Run {earlier.Id} vs run {later.Id}"
                + (parts.IsSplit ? $", part {part} of {parts.Parts.Count}" : "") + $": {article.Meta.Title}",
            Description = $"What changed in the benchmark figures of “{article.Meta.Title}” from " +
                $"{earlier.Info.Title} ({formatter.Date(earlier.Info.Date)}) to {later.Info.Title} " +
                $"({formatter.Date(later.Info.Date)}): each change in %, whether it is beyond the runs' spread, " +
                "and how the ranking moved.",
            Canonical = urls.Absolute(SiteAddresses.Part(address, part)),
            Modified = pair.ChangedAt,
        };
        return Page();
    }
}

/// <summary>The 404 both run-pair pages give: the picker and the data page, never the generic error page.</summary>
internal static class RunPairAnswers
{
    public static IActionResult NotFound(PageModel page)
    {
        // The page itself is the helpful answer: the status-code pages must not replace it with the generic one.
        if (page.HttpContext.Features.Get<IStatusCodePagesFeature>() is { } statusPages)
        {
            statusPages.Enabled = false;
        }

        page.Response.StatusCode = StatusCodes.Status404NotFound;
        page.ViewData[nameof(PageMetadata)] = new PageMetadata
        {
            Title = "No such difference between runs",
            Description = "Pick two runs of this comparison to see what changed between them.",
            NoIndex = true,
        };
        return page.Page();
    }
}
