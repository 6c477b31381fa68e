using AngleSharp.Dom;
using ComparisonSite.Caching;
using ComparisonSite.Figures.Calculator;

namespace ComparisonSite.Tests.Figures.Calculator;

/// <summary>
/// The cost calculator as readers and crawlers get it without JavaScript: the article's server-rendered default
/// (numbers from the store's run, sources, the formula), the prose citing it, and <c>/&lt;slug&gt;/cost</c> for any
/// input, strict about its query and never filling the page cache.
/// </summary>
public sealed class CostCalculatorPageTests(PostgresFixture postgres) : SiteTestBase(postgres)
{
    private const string Article = "/fastapi-vs-django-vs-flask";
    private const string Cost = Article + "/cost";
    private static readonly CalculatorInput Default = new(10_000_000, 3, 0.7);
    private static readonly string[] Frameworks = ["fastapi", "django", "flask"];
    private static readonly string[] Names = ["FastAPI", "Django", "Flask"];

    [Fact]
    public async Task The_article_shows_the_default_result_from_the_measured_run_with_its_sources_and_formula()
    {
        var page = await SiteFactory.ParseAsync(await Site.CreateReader().GetAsync(Article));

        var calculator = page.QuerySelector("section#pricing [data-calculator]")!;
        Assert.NotNull(calculator);
        var measured = TestSnapshots.MeasuredSeedDocument();
        AssertResult(calculator, Default, Frameworks.Select(f => Throughput(measured, f)).ToList());
        Assert.Equal(Cost, calculator.QuerySelector("form")!.GetAttribute("action"));
        Assert.Equal("get", calculator.QuerySelector("form")!.GetAttribute("method"));
        Assert.Equal("polite", calculator.QuerySelector(".calculator-summary")!.GetAttribute("aria-live"));
        Assert.Contains(CalculatorWriter.Formula, calculator.QuerySelector(".calculator-formula")!.TextContent);
        var sources = calculator.QuerySelector(".calculator-sources")!;
        Assert.Equal(
            $"{Article}/runs/{measured.Run.Id}", sources.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("Requests per second (rps) on JSON endpoint", sources.TextContent);
        Assert.Contains("Price: $20 a month for a 2-vCPU entry VPS or cloud instance", sources.TextContent);
        Assert.Contains("(Bytepulse, March 31, 2026)", sources.TextContent);
        Assert.Equal(
            ["10000000", "3", "0.7"],
            calculator.QuerySelectorAll("form input").Select(i => i.GetAttribute("value")));
    }

    [Fact]
    public async Task The_prose_cites_the_same_servers_and_costs_as_the_calculator_table()
    {
        var page = await SiteFactory.ParseAsync(await Site.CreateReader().GetAsync(Article));

        var rows = page.QuerySelectorAll("[data-calculator] tbody tr").ToList();
        var prose = page.QuerySelectorAll("section#pricing p")
            .Single(p => p.TextContent.StartsWith("Our own arithmetic", StringComparison.Ordinal)).TextContent;
        foreach (var (row, name) in rows.Zip(Names))
        {
            var servers = long.Parse(row.QuerySelector(".calculator-servers")!.TextContent, NumberStyles.AllowThousands,
                CultureInfo.InvariantCulture);
            var cost = row.QuerySelector(".calculator-cost")!.TextContent;
            Assert.Contains($"{servers:N0} server{(servers == 1 ? "" : "s")} with {name} (about {cost}", prose);
        }

        // The source's own estimate stays, as reported.
        Assert.Contains("about $200/month with FastAPI", page.QuerySelector("section#pricing")!.TextContent);
    }

    [Fact]
    public async Task The_cost_page_computes_the_readers_input_with_the_same_code()
    {
        using var response = await Site.CreateReader().GetAsync(Cost + "?requests=1000000000&peak=2.5&headroom=0.8");
        var page = await SiteFactory.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var measured = TestSnapshots.MeasuredSeedDocument();
        AssertResult(
            page.QuerySelector("[data-calculator]")!,
            new CalculatorInput(1_000_000_000, 2.5, 0.8),
            Frameworks.Select(f => Throughput(measured, f)).ToList());
        Assert.Equal(
            ["1000000000", "2.5", "0.8"],
            page.QuerySelectorAll("form.calculator-form input").Select(i => i.GetAttribute("value")));
        Assert.Equal("noindex", page.QuerySelector("meta[name=robots]")?.GetAttribute("content"));
        var canonical = page.QuerySelector("link[rel=canonical]")!.GetAttribute("href");
        Assert.EndsWith(Article, canonical, StringComparison.Ordinal);
        Assert.Contains(page.QuerySelectorAll("main a"), a => a.GetAttribute("href") == Article + "#calculator");
        // Its in-page links lead into the article, where their targets are.
        Assert.All(
            page.QuerySelectorAll("[data-calculator] a.figure"),
            a => Assert.Equal(Article + "#methodology", a.GetAttribute("href")));
        Assert.Equal(
            "/js/calculator.js", new Uri(new Uri("http://x"), page.QuerySelector("script[src*=calculator]")!
                .GetAttribute("src")).AbsolutePath);
    }

    [Theory]
    [InlineData("", "?requests=10000000&peak=3&headroom=0.7")]
    [InlineData("?requests=0010&peak=3.0&headroom=0.70", "?requests=10&peak=3&headroom=0.7")]
    [InlineData("?headroom=0.7&peak=3&requests=5000000", "?requests=5000000&peak=3&headroom=0.7")]
    [InlineData("?requests=5000000", "?requests=5000000&peak=3&headroom=0.7")]
    [InlineData("?requests=5000000&peak=3&headroom=0.7&utm_source=x", "?requests=5000000&peak=3&headroom=0.7")]
    [InlineData("?requests=+5000000+&peak=3&headroom=1.00", "?requests=5000000&peak=3&headroom=1")]
    public async Task A_valid_query_not_in_its_canonical_form_is_301_to_it(string query, string canonical)
    {
        using var response = await Site.CreateReader().GetAsync(Cost + query);

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(Cost + canonical, response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("?requests=-5&peak=3&headroom=0.7", "requests", "digits only")]
    [InlineData("?requests=abc&peak=3&headroom=0.7", "requests", "digits only")]
    [InlineData("?requests=&peak=3&headroom=0.7", "requests", "is empty")]
    [InlineData("?requests=0&peak=3&headroom=0.7", "requests", "at least 1")]
    [InlineData("?requests=1e309&peak=3&headroom=0.7", "requests", "digits only")]
    [InlineData("?requests=NaN&peak=3&headroom=0.7", "requests", "digits only")]
    [InlineData("?requests=99999999999999999999999999999999&peak=3&headroom=0.7", "requests", "at most")]
    [InlineData("?requests=%00%01&peak=3&headroom=0.7", "requests", "digits only")]
    [InlineData("?requests=1%0A2&peak=3&headroom=0.7", "requests", "digits only")]
    [InlineData("?requests=1&requests=2&peak=3&headroom=0.7", "requests", "once")]
    [InlineData("?requests=10000000&peak=1e309&headroom=0.7", "peak", "plain number")]
    [InlineData("?requests=10000000&peak=Infinity&headroom=0.7", "peak", "plain number")]
    [InlineData("?requests=10000000&peak=0.5&headroom=0.7", "peak", "from 1 to 100")]
    [InlineData("?requests=10000000&peak=3&headroom=0", "headroom", "above 0 and at most 1")]
    [InlineData("?requests=10000000&peak=3&headroom=1.5", "headroom", "above 0 and at most 1")]
    [InlineData("?requests=10000000&peak=3&headroom=-0.7", "headroom", "plain number")]
    public async Task Refused_input_is_400_with_the_form_and_a_message_at_the_field(
        string query, string field, string message)
    {
        using var response = await Site.CreateReader().GetAsync(Cost + query);
        var page = await SiteFactory.ParseAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var input = page.QuerySelector($"[data-calculator] input[name={field}]")!;
        Assert.Equal("true", input.GetAttribute("aria-invalid"));
        var note = page.GetElementById(input.GetAttribute("aria-describedby")!)!;
        Assert.False(note.HasAttribute("hidden"));
        Assert.Contains(message, note.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(
            page.QuerySelectorAll("[data-calculator] input"), i => i.GetAttribute("value")!.Any(char.IsControl));
        // The result beside it is the default, never NaN or Infinity.
        AssertResult(
            page.QuerySelector("[data-calculator]")!, Default,
            Frameworks.Select(f => Throughput(TestSnapshots.MeasuredSeedDocument(), f)).ToList());
    }

    [Fact]
    public async Task Hostile_queries_never_answer_500()
    {
        var reader = Site.CreateReader();
        string[] queries =
        [
            "?requests=" + new string('9', 20_000),
            "?requests=" + Uri.EscapeDataString("٣٣"),
            "?requests=" + Uri.EscapeDataString("1\u0000"),
            "?peak=" + Uri.EscapeDataString("NaN") + "&headroom=" + Uri.EscapeDataString("∞"),
            "?requests=1&requests=1&requests=1&peak=3&peak=3",
            "?requests[]=1&peak=%ZZ&headroom=%",
            "?" + string.Join('&', Enumerable.Range(0, 500).Select(i => $"p{i}={i}")),
        ];
        foreach (var query in queries)
        {
            using var response = await reader.GetAsync(Cost + query);

            Assert.True(
                response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.MovedPermanently,
                $"{query[..Math.Min(60, query.Length)]}: {response.StatusCode}");
        }
    }

    [Fact]
    public async Task Distinct_queries_fill_no_page_cache_entries_and_the_article_keeps_one()
    {
        var reader = Site.CreateReader();
        var cache = Site.Get<PageCache>();
        (await reader.GetAsync(Article)).Dispose();
        var before = cache.Count;

        for (var i = 1; i <= 20; i++)
        {
            (await reader.GetAsync($"{Cost}?requests={i}000&peak=3&headroom=0.7")).Dispose();
            (await reader.GetAsync($"{Article}?requests={i}000&peak=3&headroom=0.7")).Dispose();
        }

        Assert.Equal(before, cache.Count);
    }

    [Fact]
    public async Task An_unknown_comparison_has_no_cost_page()
    {
        using var response = await Site.CreateReader().GetAsync("/no-such-comparison/cost?requests=1");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static double Throughput(ComparisonSite.Results.Import.RunDocument run, string framework) =>
        run.Results.Single(r => r.Framework == framework && r.Scenario == "json" && r.Metric == "rps").Value;

    // Every row: the store's throughput in its <data>, and the servers and cost ServerCostCalculator gives.
    private static void AssertResult(IElement calculator, CalculatorInput input, IReadOnlyList<double> throughputs)
    {
        var rows = calculator.QuerySelectorAll("tbody tr").ToList();
        Assert.Equal(Names, rows.Select(r => r.QuerySelector("th")!.TextContent));
        foreach (var (row, throughput) in rows.Zip(throughputs))
        {
            var expected = ServerCostCalculator.Compute(input, throughput, 20m);
            Assert.Equal(
                throughput.ToString("R", CultureInfo.InvariantCulture),
                row.QuerySelector("td data")!.GetAttribute("value"));
            Assert.Equal(
                expected.Servers.ToString("N0", CultureInfo.GetCultureInfo("en-US")),
                row.QuerySelector(".calculator-servers")!.TextContent);
            Assert.Equal(
                CalculatorWriter.Money(CultureInfo.GetCultureInfo("en-US"), expected.MonthlyCost),
                row.QuerySelector(".calculator-cost")!.TextContent);
        }

        Assert.DoesNotContain("NaN", calculator.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Infinity", calculator.TextContent, StringComparison.Ordinal);
    }
}
