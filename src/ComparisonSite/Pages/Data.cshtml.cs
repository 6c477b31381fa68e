using System.Globalization;
using ComparisonSite.Figures;
using ComparisonSite.Routing;
using ComparisonSite.Runs;
using ComparisonSite.Seo;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace ComparisonSite.Pages;

/// <summary>A comparison's data page: every run of the suites it cites, newest first, with trends.</summary>
public sealed class DataModel(
    HistoryPages pages, FigureFormatter formatter, SiteUrls urls, IOptions<SiteOptions> site) : PageModel
{
    /// <summary>The most measurements the page draws in its trends.</summary>
    public int PerPage => site.Value.MeasurementsPerPage;

    public DataPage? Data { get; private set; }

    public CultureInfo Culture => formatter.Culture;

    public IActionResult OnGet()
    {
        var (article, snapshot) = HttpContext.Comparison();
        Data = pages.BuildData(article, snapshot);
        Response.GetTypedHeaders().LastModified = Data.Modified;
        var count = Data.Suites.Sum(s => s.Runs.Count);
        ViewData[nameof(PageMetadata)] = new PageMetadata
        {
            Title = $"Benchmark runs behind {article.Meta.Title}",
            Description = $"Every benchmark run behind {article.Meta.Title}: {count} run{(count == 1 ? "" : "s")} "
                + "with origin, date, source, environment, downloads, differences and trends over time.",
            Canonical = urls.Absolute(SiteAddresses.Data(article.Slug)),
            Modified = Data.Modified,
        };
        return Page();
    }
}
