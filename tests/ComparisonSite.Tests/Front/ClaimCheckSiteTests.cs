using System.Text.Json;
using AngleSharp.Html.Dom;
using ComparisonSite.Results.Import;

namespace ComparisonSite.Tests.Front;

/// <summary>
/// Issue 30, as readers and editors meet it on the real site: the article's claim check, the home page's summary
/// line and the <c>ClaimReview</c> structured data say the same thing, computed from the store; importing a
/// measured run that reverses a claim flips all three, and <c>import --dry-run</c> shows the flip first.
/// </summary>
[LongRunning(seconds: 60)]
public sealed class ClaimCheckSiteTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    private const string Article = "/fastapi-vs-django-vs-flask";
    private const string JsonLeader = "claim-fastapi-best-json-rps";
    private const string JsonLeaderSays = "FastAPI serves the most requests per second on the JSON endpoint";

    [Fact]
    public async Task The_claim_check_the_home_line_and_the_claim_reviews_agree_and_follow_an_import()
    {
        await using var site = await TestSite.CreateAsync(postgres);
        var reader = site.CreateReader();
        var before = await ReadAsync(reader);

        // The check, the home page and the structured data say the same, from the store.
        Assert.Equal(8, before.Verdicts.Count);
        string[] words = ["Holds", "Does not hold", "No clear difference", "Not measured here"];
        Assert.All(before.Verdicts.Values, v => Assert.Contains(v, words));
        var holds = before.Verdicts.Values.Count(v => v == "Holds");
        Assert.Equal($"Of Bytepulse's 8 performance claims, our measurement supports {holds}.", before.HomeLine);
        Assert.Equal(before.Verdicts.Where(v => v.Value != "Not measured here"), before.Reviews);
        Assert.Equal("Holds", before.Verdicts[JsonLeader]);
        // Comparisons write their own connective, so no sentence reads "the same as than" (NoiseWordingTests).
        Assert.DoesNotMatch(@"\b(as|than|from) than\b", before.Text);

        // The dry run names the claim's line of index.md and the block's line, and writes nothing.
        var slower = await SeedVariants.SlowerFastApiAsync();
        var dryRun = await SiteProcess.RunVerbAsync(
            site.Database, "import", "--dry-run", "--content", SiteFactory.RepositoryContent, slower);
        Assert.Equal(0, dryRun.ExitCode);
        var index = "content/fastapi-vs-django-vs-flask/index.md";
        var lines = dryRun.Output.Split('\n').Select(l => l.Trim()).ToList();
        Assert.Contains(
            $"{index}:{LineOf(index, JsonLeaderSays)}  claim \"{JsonLeaderSays}\": Holds → Does not hold", lines);
        var speed = "content/fastapi-vs-django-vs-flask/03-speed.md";
        Assert.Contains(
            lines,
            l => l.StartsWith($"{speed}:{LineOf(speed, "{{claims}}")}  claim check (and the home page): "
                + $"Of Bytepulse's 8 performance claims, our measurement supports {holds};", StringComparison.Ordinal)
                && l.Contains(
                    "→ Of Bytepulse's 8 performance claims, our measurement supports ", StringComparison.Ordinal));
        Assert.Equal("Holds", (await ReadAsync(reader)).Verdicts[JsonLeader]);

        // The import itself flips the verdict everywhere it is shown.
        var document = RunDocumentParser.Parse(await File.ReadAllBytesAsync(slower)).Document!;
        Assert.True((await site.Get<RunImporter>().ImportAsync(document, CancellationToken.None)).Succeeded);
        Shown after = before;
        await Eventually.TrueAsync(async () =>
        {
            after = await ReadAsync(reader);
            return after.Verdicts[JsonLeader] != "Holds" && after.HomeLine != before.HomeLine;
        });

        Assert.Equal("Does not hold", after.Verdicts[JsonLeader]);
        var holdsAfter = after.Verdicts.Values.Count(v => v == "Holds");
        Assert.True(holdsAfter < holds);
        Assert.Equal($"Of Bytepulse's 8 performance claims, our measurement supports {holdsAfter}.", after.HomeLine);
        Assert.Equal(after.Verdicts.Where(v => v.Value != "Not measured here"), after.Reviews);
        Assert.Contains(new KeyValuePair<string, int>(JsonLeader, 1), after.Ratings);
        Assert.Contains(new KeyValuePair<string, int>(JsonLeader, 3), before.Ratings);
        Assert.DoesNotMatch(@"\b(as|than|from) than\b", after.Text);
    }

    /// <summary>The article's verdicts by claim anchor, the home line, and the ClaimReviews by their url's anchor.
    /// </summary>
    private static async Task<Shown> ReadAsync(HttpClient reader)
    {
        var article = await SiteFactory.ParseAsync(await reader.GetAsync(Article));
        var home = await SiteFactory.ParseAsync(await reader.GetAsync("/"));
        var verdicts = article.QuerySelectorAll("#claim-check .claim")
            .ToDictionary(c => c.Id!, c => c.QuerySelector(".claim-verdict")!.TextContent);
        var reviews = Reviews(article).ToList();
        return new Shown(
            article.Body!.TextContent,
            verdicts,
            home.QuerySelector(".entry-claims")!.TextContent.Trim(),
            reviews.ToDictionary(r => r.Anchor, r => r.Verdict),
            reviews.ToDictionary(r => r.Anchor, r => r.Rating));
    }

    private static IEnumerable<(string Anchor, string Verdict, int Rating)> Reviews(IHtmlDocument page) =>
        page.QuerySelectorAll("script[type='application/ld+json']")
            .Select(s => JsonDocument.Parse(s.TextContent).RootElement)
            .Where(b => b.GetProperty("@type").GetString() == "ClaimReview")
            .Select(b => (
                b.GetProperty("url").GetString()!.Split('#')[1],
                b.GetProperty("reviewRating").GetProperty("alternateName").GetString()!,
                b.GetProperty("reviewRating").GetProperty("ratingValue").GetInt32()));

    private static int LineOf(string file, string text) =>
        Array.FindIndex(
            File.ReadAllLines(SiteRoot.Locate(null).Combine(file)), l => l.Contains(text, StringComparison.Ordinal))
        + 1;

    private sealed record Shown(
        string Text, Dictionary<string, string> Verdicts, string HomeLine, Dictionary<string, string> Reviews,
        Dictionary<string, int> Ratings);
}
