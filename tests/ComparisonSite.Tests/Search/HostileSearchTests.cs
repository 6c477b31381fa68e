namespace ComparisonSite.Tests.Search;

/// <summary>
/// Queries meant to break the search: each gets 200 or a 400 with the form and a reason, never a 500, and nothing
/// of the query ever comes back as markup.
/// </summary>
/// <remarks>
/// Every query goes to one site for the class: none changes what the site holds, and each case also shows the site
/// still answers after the hostile ones before it.
/// </remarks>
public sealed class HostileSearchTests(HostileSearchTests.SearchSite search)
    : IClassFixture<HostileSearchTests.SearchSite>
{
    private readonly TestSite _site = search.Site;

    /// <summary>The search fixture site, started once for the class.</summary>
    public sealed class SearchSite : IAsyncLifetime
    {
        private readonly PostgresFixture _postgres = new();

        internal TestSite Site { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            await _postgres.InitializeAsync();
            Site = await TestSite.CreateAsync(_postgres, FixturePaths.SearchSiteContent);
        }

        public async Task DisposeAsync()
        {
            await Site.DisposeAsync();
            await _postgres.DisposeAsync();
        }
    }

    public static TheoryData<string, int> Queries => new()
    {
        // The query string as sent (already percent-encoded) and the status it gets.
        { "q=" + new string('a', 201), 400 },
        { "q=" + new string('a', 5000), 400 },
        { "q=" + string.Concat(Enumerable.Repeat("%F0%9F%98%80", 101)), 400 },
        { "q=%00", 400 },
        { "q=a%00b", 400 },
        { "q=%1B%5B31m", 400 },
        { "q=a%0Ab", 400 },
        { "q=.*", 200 },
        { "q=(a%7Cb)%2B", 200 },
        { "q=%5B%5E%5D*%24", 200 },
        { "q=%3Cscript%3Ealert(1)%3C%2Fscript%3E", 200 },
        { "q=%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E", 200 },
        { "q=%22", 400 },
        { "q=%22%22%22", 400 },
        { "q=%D0%BF%D1%80%D0%B8%D0%B2%D0%B5%D1%82", 200 },
        { "q=%F0%9F%98%80", 200 },
        { "q=%E2%80%8F%E2%80%AE", 400 },
        { "q=sqlite%E2%80%AE", 200 },
        // ASP.NET Core keeps percent sequences that are not UTF-8 as written: they are searched for literally.
        { "q=%C3%28", 200 },
        { "q=%FF%FE", 200 },
        { "q=%25", 200 },
        { "q=%2500", 200 },
        { "q=%u0000", 200 },
        { "q=a&q=b", 400 },
        { "q=&q=", 400 },
        { "q=a+b+c+d+e+f+g+h+i+j", 200 },
        { "q=a+b+c+d+e+f+g+h+i+j+k", 400 },
        { "q", 200 },
        { "x=1", 200 },
        { "q=%%%", 200 },
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task A_hostile_query_gets_its_status_and_no_markup_of_its_own(string queryString, int status)
    {
        using var response = await _site.CreateReader().GetAsync("/search?" + queryString);
        var body = await response.Content.ReadAsStringAsync();
        var page = await new HtmlParser().ParseDocumentAsync(body);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(["noindex"], response.Headers.GetValues("X-Robots-Tag"));
        Assert.Empty(page.QuerySelectorAll("script, img, [onerror]"));
        Assert.DoesNotContain("<script>alert", body, StringComparison.OrdinalIgnoreCase);
        Assert.NotNull(page.QuerySelector("main form[action='/search'] input[name=q]"));
        if (status == 400)
        {
            Assert.False(string.IsNullOrWhiteSpace(page.QuerySelector(".search-problem")?.TextContent));
            Assert.Equal(["no-store"], response.Headers.GetValues("Cache-Control"));
        }
    }
}
