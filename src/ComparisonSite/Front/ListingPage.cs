using System.Globalization;

namespace ComparisonSite.Front;

/// <summary>
/// One page of a listing (the home page, a tag page): the entries it shows, where it stands among the listing's
/// pages and their addresses. Page 1 is the listing's own address; page N is <c>…/page/N</c> after it, so a
/// comparison moves between pages as others are added but every page's address stays the same.
/// </summary>
public sealed record ListingPage(IReadOnlyList<ComparisonEntry> Entries, int Number, int PageCount, int Total,
    int FirstShown, string FirstPage)
{
    /// <summary>The route template of the pages after the first, after the listing's own address.</summary>
    public const string PageTemplate = "page/{number:int}";

    public string Href => Address(FirstPage, Number);

    public string? PreviousHref => Number > 1 ? Address(FirstPage, Number - 1) : null;

    public string? NextHref => Number < PageCount ? Address(FirstPage, Number + 1) : null;

    public string LastHref => Address(FirstPage, PageCount);

    public bool IsSplit => PageCount > 1;

    /// <summary>"Comparisons 21–40 of 1,000 (page 2 of 50)".</summary>
    public string Summary(IFormatProvider culture) =>
        string.Create(
            culture,
            $"Comparisons {FirstShown:N0}–{FirstShown + Entries.Count - 1:N0} of {Total:N0} (page {Number:N0} of "
            + $"{PageCount:N0}).");

    /// <summary>
    /// Page <paramref name="number"/> of the listing whose first page is <paramref name="firstPage"/>.
    /// </summary>
    public static string Address(string firstPage, int number) =>
        number == 1
            ? firstPage
            : string.Create(CultureInfo.InvariantCulture, $"{firstPage.TrimEnd('/')}/page/{number}");
}
