using System.Globalization;
using System.Text.Encodings.Web;
using ComparisonSite.Figures;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace ComparisonSite.Pages;

/// <summary>
/// The one way a page writes a date: <c>&lt;time datetime="2026-03-31"&gt;March 31, 2026&lt;/time&gt;</c>, both
/// forms from <see cref="SiteDates"/>, in the culture of the site's one <see cref="FigureFormatter"/>. In a view:
/// <c>@Html.Time(article.Meta.Published)</c>; an instant keeps its time in <c>datetime</c>
/// (<c>2026-03-31T09:15:00Z</c>) and shows its day in UTC.
/// </summary>
public static class TimeElements
{
    public static IHtmlContent Time(this IHtmlHelper html, DateOnly date) => Of(date, Culture(html));

    public static IHtmlContent Time(this IHtmlHelper html, DateTimeOffset instant) => Of(instant, Culture(html));

    public static IHtmlContent Of(DateOnly date, CultureInfo culture) =>
        Element(SiteDates.Iso(date), SiteDates.Display(date, culture));

    public static IHtmlContent Of(DateTimeOffset instant, CultureInfo culture) =>
        Element(SiteDates.Iso(instant), SiteDates.Display(instant, culture));

    private static HtmlString Element(string datetime, string text) =>
        new($"<time datetime=\"{datetime}\">{HtmlEncoder.Default.Encode(text)}</time>");

    private static CultureInfo Culture(IHtmlHelper html) =>
        html.ViewContext.HttpContext.RequestServices.GetRequiredService<FigureFormatter>().Culture;
}
