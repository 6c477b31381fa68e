using ComparisonSite.Routing;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;

namespace ComparisonSite.Tests.Site;

/// <summary>
/// Every address under a comparison's slug (the article, its data and run pages, run differences and the picker's
/// form, every download, figure pages and files, the cost page) answers an unknown, a renamed and a withdrawn slug
/// alike, and an unloaded store too; the registered routes prove the list walked is every one there is.
/// </summary>
public sealed class SlugPolicyTests(PostgresFixture postgres)
    : SiteTestBase(postgres, FixturePaths.SecondSiteContent)
{
    private const string Comparison = "postgresql-vs-sqlite";
    private const string Renamed = "sqlite-vs-postgresql";
    private const string Withdrawn = "withdrawn-comparison";
    private const string Unknown = "no-such-comparison";

    /// <summary>Every address under a comparison, as what follows its slug (a query where a page reads it).</summary>
    private static readonly string[] SubPaths =
    [
        "",
        "/data",
        "/runs/run-a",
        "/runs/run-a/vs/run-b",
        "/runs/run-a/part/2",
        "/runs/run-a/vs/run-b/part/2",
        "/compare?a=run-a&b=run-b",
        "/results.csv",
        "/results.json",
        "/runs/run-a/results.csv",
        "/runs/run-a/results.json",
        "/figures/figure-x",
        "/figures/figure-x.csv",
        "/figures/figure-x.svg",
        "/cost?requests=1",
    ];

    /// <summary>What each route parameter after the slug is given, to turn a route into an address.</summary>
    private static readonly Dictionary<string, string> Samples = new()
    {
        ["runId"] = "run-a",
        ["a"] = "run-a",
        ["b"] = "run-b",
        ["id"] = "figure-x",
        ["part"] = "2",
    };

    [Fact]
    public async Task Every_address_under_an_unknown_slug_answers_404_with_the_not_found_page()
    {
        var answers = await AnswersAsync(Site.CreateReader(), Unknown);

        Assert.All(answers, a => Assert.Equal((a.SubPath, HttpStatusCode.NotFound, "Page not found"), a.Got));
    }

    [Fact]
    public async Task Every_address_under_a_renamed_slug_answers_301_to_the_same_address_under_the_new_slug()
    {
        var answers = await AnswersAsync(Site.CreateReader(), Renamed);

        Assert.All(answers, a => Assert.Equal(
            (a.SubPath, HttpStatusCode.MovedPermanently, $"/{Comparison}{a.SubPath}"), a.Got));
    }

    [Fact]
    public async Task Every_address_under_a_withdrawn_slug_answers_410_with_the_withdrawn_page()
    {
        var answers = await AnswersAsync(Site.CreateReader(), Withdrawn);

        Assert.All(answers, a => Assert.Equal(
            (a.SubPath, HttpStatusCode.Gone, "This comparison has been withdrawn"), a.Got));
    }

    [Fact]
    public async Task Every_address_under_a_comparison_answers_503_with_retry_after_while_the_store_has_not_loaded()
    {
        await using var storeDown = SiteFactory.Create(
            FixturePaths.SecondSiteContent, "Host=127.0.0.1;Port=1;Username=x;Database=y;Timeout=1");
        var reader = storeDown.CreateReader();

        var answers = await AnswersAsync(reader, Comparison);
        using var renamed = await reader.GetAsync($"/{Renamed}/data");

        Assert.All(answers, a => Assert.Equal(
            (a.SubPath, HttpStatusCode.ServiceUnavailable, "Back in a moment"), a.Got));
        Assert.All(answers, a => Assert.Equal(TimeSpan.FromSeconds(5), a.RetryAfter));
        // The slug is answered first: a renamed comparison's new address does not need the store.
        Assert.Equal(HttpStatusCode.MovedPermanently, renamed.StatusCode);
    }

    [Fact]
    public void Every_registered_route_under_a_slug_is_under_the_slug_policy_and_walked_by_these_tests()
    {
        var routes = Site.Get<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => e.RoutePattern)
            .Where(p => p.PathSegments is [var first, ..] && first.Parts.Any(part => part.IsParameter))
            .ToList();

        Assert.NotEmpty(routes);
        Assert.All(routes, p => Assert.True(SlugPolicy.IsUnderComparison(p), $"{p.RawText} escapes the slug policy"));
        Assert.Equal(
            SubPaths.Select(s => s.Split('?')[0]).Order(StringComparer.Ordinal),
            routes.Select(SubPathOf).Distinct().Order(StringComparer.Ordinal));
    }

    /// <summary>The address a route stands for after its slug, each parameter given its sample.</summary>
    private static string SubPathOf(RoutePattern pattern) =>
        string.Concat(pattern.PathSegments.Skip(1).Select(segment => "/" + string.Concat(segment.Parts.Select(
            part => part switch
            {
                RoutePatternLiteralPart literal => literal.Content,
                RoutePatternSeparatorPart separator => separator.Content,
                RoutePatternParameterPart parameter => Samples.TryGetValue(parameter.Name, out var sample)
                    ? sample
                    : throw new InvalidOperationException(
                        $"{pattern.RawText}: give '{parameter.Name}' a sample and add the route to {nameof(SubPaths)}"),
                _ => throw new InvalidOperationException($"{pattern.RawText}: an unknown part"),
            }))));

    private static async Task<List<Answer>> AnswersAsync(HttpClient reader, string slug)
    {
        var answers = new List<Answer>();
        foreach (var subPath in SubPaths)
        {
            using var response = await reader.GetAsync($"/{slug}{subPath}");
            var location = response.Headers.Location?.OriginalString;
            var heading = location is null
                ? (await SiteFactory.ParseAsync(response)).QuerySelector("h1")?.TextContent
                : null;
            var retryAfter = response.Headers.RetryAfter?.Delta;
            answers.Add(new Answer(subPath, response.StatusCode, location ?? heading, retryAfter));
        }

        return answers;
    }

    /// <summary>One address's answer: its status and its Location, or the heading of the page it shows.</summary>
    private sealed record Answer(string SubPath, HttpStatusCode Status, string? LocationOrHeading, TimeSpan? RetryAfter)
    {
        public (string, HttpStatusCode, string?) Got => (SubPath, Status, LocationOrHeading);
    }
}
