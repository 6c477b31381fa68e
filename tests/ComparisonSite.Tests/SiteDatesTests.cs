namespace ComparisonSite.Tests;

public sealed class SiteDatesTests
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    [Theory]
    [InlineData("en-US", "March 31, 2026")]
    [InlineData("de-DE", "März 31, 2026")]
    public void A_date_reads_month_day_year_in_the_sites_culture(string culture, string shown)
    {
        Assert.Equal(shown, SiteDates.Display(new DateOnly(2026, 3, 31), CultureInfo.GetCultureInfo(culture)));
    }

    [Fact]
    public void An_instant_is_shown_as_its_day_in_UTC_whatever_its_offset()
    {
        var lateInNewYork = new DateTimeOffset(2026, 3, 31, 22, 30, 0, TimeSpan.FromHours(-4));

        Assert.Equal("April 1, 2026", SiteDates.Display(lateInNewYork, English));
        Assert.Equal(new DateOnly(2026, 4, 1), SiteDates.Day(lateInNewYork));
    }

    [Fact]
    public void Machines_get_ISO_8601_in_the_invariant_culture_and_an_instant_in_UTC()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("ar-SA");
        try
        {
            Assert.Equal("2026-03-31", SiteDates.Iso(new DateOnly(2026, 3, 31)));
            Assert.Equal(
                "2026-04-01T02:30:00Z",
                SiteDates.Iso(new DateTimeOffset(2026, 3, 31, 22, 30, 0, TimeSpan.FromHours(-4))));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }
}
