using AngleSharp.Dom;
using ComparisonSite.Figures;
using ComparisonSite.Figures.Claims;

namespace ComparisonSite.Tests.Figures;

/// <summary>
/// Issue 30: <c>{{claims}}</c> sets the source's claims against our measured run with the noise rule the figures
/// use. Fixtures/noise has one scenario per edge of the rule: "apart" (FastAPI 110, Django 100, Flask 50, rounds
/// clearly apart) and "all-within" (every ratio's interval contains 1).
/// </summary>
public sealed class ClaimVerdictTests
{
    private static readonly SeriesKey Apart = new("apart", "rps");
    private static readonly SeriesKey AllWithin = new("all-within", "rps");

    private static readonly SourceClaim[] Claims =
    [
        new("FastAPI leads where the rounds are apart", Apart, "fastapi", null, null, 11),
        new("Django leads where the rounds are apart", Apart, "django", null, null, 14),
        new("FastAPI leads where all are within noise", AllWithin, "fastapi", null, null, 17),
        new("FastAPI serves 2-3 times Flask's requests", Apart, "fastapi", "flask", new ClaimRange(2, 3), 20),
        new("FastAPI serves 7-8 times Flask's requests", Apart, "fastapi", "flask", new ClaimRange(7, 8), 25),
        new("Flask is ahead of FastAPI", Apart, "flask", "fastapi", null, 30),
        new("FastAPI is ahead of Django within noise", AllWithin, "fastapi", "django", null, 34),
    ];

    [Fact]
    public void Each_claim_gets_the_verdict_of_the_noise_rule_in_words()
    {
        var (page, context) = NoiseEdges.Render("{{claims}}", showErrors: true, Claims);

        Assert.Empty(context.Problems);
        Assert.Equal(
        [
            ("claim-fastapi-best-apart-rps", "Holds"),
            ("claim-django-best-apart-rps", "Does not hold"),
            ("claim-fastapi-best-all-within-rps", "No clear difference"),
            ("claim-fastapi-flask-apart-rps", "Holds"),
            // The same pair twice: the second is numbered, so every id on the page stays unique.
            ("claim-fastapi-flask-apart-rps-2", "Does not hold"),
            ("claim-flask-fastapi-apart-rps", "Does not hold"),
            ("claim-fastapi-django-all-within-rps", "No clear difference"),
            // Read from the reported run: it leads "touching" there; "apart" is the editor's first claim already.
            ("claim-fastapi-best-touching-rps", "No clear difference"),
        ], Verdicts(page));
        var derived = page.QuerySelectorAll(".claim")[^1];
        Assert.Equal(
            "No clear difference FastAPI leads: Requests per second, Ranges touching (read from Example Lab's figures)",
            derived.QuerySelector(".claim-says")!.TextContent);
        Assert.Equal(
            "Of Example Lab's 8 performance claims, our measurement supports 2; 3 do not hold and 3 show no clear "
                + "difference.",
            context.Claims!.Sentence);
    }

    [Fact]
    public void Each_claim_shows_both_runs_figures_with_the_ratio_its_verdict_rests_on()
    {
        var (page, _) = NoiseEdges.Render("{{claims}}", showErrors: true, Claims);

        var figures = page.QuerySelectorAll(".claim")[4].QuerySelectorAll(".claim-figures dd")
            .Select(d => d.TextContent)
            .ToList();

        // The source's run has no rounds, so its ratio stands alone; ours has its interval, which leaves out 7-8.
        Assert.Equal("FastAPI 110 req/s, Flask 50 req/s: FastAPI 2.2x faster", figures[0].Replace('\u00a0', ' '));
        Assert.Matches(
            @"^FastAPI 110 req/s, Flask 50 req/s: FastAPI 2\.\d+x faster \(95% interval 2\.\d+x–2\.\d+x\)$",
            figures[1].Replace('\u00a0', ' '));
    }

    [Fact]
    public void Without_a_measured_run_nothing_is_measured_here_yet()
    {
        var (page, context) = NoiseEdges.Render("{{claims}}", showErrors: true, Claims, withMeasuredRun: false);

        Assert.All(Verdicts(page), v => Assert.Equal("Not measured here", v.Verdict));
        Assert.StartsWith("None of Example Lab's", context.Claims!.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void A_claim_naming_an_unknown_framework_or_metric_is_a_problem_at_its_line_and_is_left_out()
    {
        SourceClaim[] claims =
        [
            new("ASGI Django leads", Apart, "django-asgi", null, null, 12),
            new("FastAPI has the lowest latency", new SeriesKey("apart", "p99"), "fastapi", null, null, 15),
            Claims[0],
        ];

        var (page, context) = NoiseEdges.Render("{{claims}}", showErrors: true, claims);

        Assert.Equal(
        [
            "index.md:12: claim 'ASGI Django leads': unknown framework 'django-asgi' (known: django, fastapi, flask)",
            "index.md:15: claim 'FastAPI has the lowest latency': unknown metric 'p99' (known: rps)",
        ], context.Problems.Select(p => p.ToString()));
        Assert.Equal(
            ["claim-fastapi-best-apart-rps", "claim-fastapi-best-touching-rps"], Verdicts(page).Select(v => v.Id));
    }

    [Fact]
    public void A_second_claim_check_is_a_problem_so_every_claim_keeps_one_id()
    {
        var (page, context) = NoiseEdges.Render("{{claims}}\n\n{{claims}}", showErrors: true, Claims);

        Assert.Single(page.QuerySelectorAll("#claim-check"));
        // The test renders no file, so the problem names only the line (the second block's, on line 3).
        Assert.Equal(
            ":3: {{claims}}: an article has one claim check; this is a second",
            Assert.Single(context.Problems).ToString());
    }

    [Fact]
    public void A_claim_range_reads_one_ratio_or_two_and_refuses_anything_that_is_not_a_gain()
    {
        Assert.Equal(new ClaimRange(7, 8), ClaimRange.Parse("7-8", out _));
        Assert.Equal(new ClaimRange(7, 8), ClaimRange.Parse("7–8x", out _));
        Assert.Equal(new ClaimRange(3, 3), ClaimRange.Parse("3", out _));
        Assert.Null(ClaimRange.Parse("1", out var notAGain));
        Assert.Contains("above 1", notAGain, StringComparison.Ordinal);
        Assert.Null(ClaimRange.Parse("three", out _));
        Assert.True(new ClaimRange(3, 3).Overlaps(new Interval(2.2, 3.2)));
        Assert.False(new ClaimRange(7, 8).Overlaps(new Interval(1.8, 3.1)));
    }

    private static List<(string Id, string Verdict)> Verdicts(IDocument page) =>
        [.. page.QuerySelectorAll(".claim").Select(c => (c.Id!, c.QuerySelector(".claim-verdict")!.TextContent))];
}
