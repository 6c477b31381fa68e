using AngleSharp.Dom;
using ComparisonSite.Pages;
using Microsoft.AspNetCore.Html;

namespace ComparisonSite.Tests.Pages;

public sealed class TimeElementsTests
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    private static IElement Parse(IHtmlContent content)
    {
        using var writer = new StringWriter();
        content.WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        var body = new HtmlParser().ParseDocument(writer.ToString()).Body!;
        return Assert.Single(body.Children);
    }

    [Fact]
    public void A_date_is_a_time_element_with_the_ISO_date_and_the_readers_words()
    {
        var time = Parse(TimeElements.Of(new DateOnly(2026, 3, 31), English));

        Assert.Equal("time", time.LocalName);
        Assert.Equal("2026-03-31", time.GetAttribute("datetime"));
        Assert.Equal("March 31, 2026", time.TextContent);
    }

    [Fact]
    public void An_instant_keeps_its_time_in_datetime_and_shows_its_day_in_UTC()
    {
        var time = Parse(TimeElements.Of(new DateTimeOffset(2026, 3, 31, 22, 30, 0, TimeSpan.FromHours(-4)), English));

        Assert.Equal("2026-04-01T02:30:00Z", time.GetAttribute("datetime"));
        Assert.Equal("April 1, 2026", time.TextContent);
    }

    [Fact]
    public void Month_names_outside_ASCII_read_the_same_after_encoding()
    {
        var time = Parse(TimeElements.Of(new DateOnly(2026, 3, 31), CultureInfo.GetCultureInfo("de-DE")));

        Assert.Equal("März 31, 2026", time.TextContent);
    }
}
