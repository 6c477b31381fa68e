using AngleSharp.Dom;
using ComparisonSite.Figures;

namespace ComparisonSite.Tests.Figures;

/// <summary>
/// The words and marks built on the noise rule, at its edges: Fixtures/noise holds a measured run with one scenario
/// per edge (clearly apart, a ratio interval with an end at 1, one sample, no samples, equal values with ranges
/// apart, one side without samples, unclear differences that do not chain, no clear difference between any) and a
/// reported run without samples beside it. Samples are in round order and paired; the intervals were worked out by
/// hand from the per-round ratios and checked with a separate Python version of the bootstrap.
/// </summary>
public sealed class NoiseWordingTests
{
    /// <summary>One edge case: what ratio, best and ranking say, and each framework's mark in a table.</summary>
    public sealed record Edge(string Scenario, string Ratio, string Best, string Ranking, string Marks)
    {
        public override string ToString() => Scenario;
    }

    public static TheoryData<Edge> Cases =>
    [
        new(
            "apart", "1.10x faster (95% interval 1.10x–1.11x)", "FastAPI", "FastAPI, then Django, then Flask",
            "★ - -"),
        new(
            "touching", "not clearly faster (1.10x, 95% interval 1.00x–1.21x)", "no clear winner (FastAPI and Django)",
            "FastAPI and Django (no clear difference), then Flask", "≈ ≈ -"),
        new("one-sample", "1.1x faster", "FastAPI", "FastAPI, then Django, then Flask", "★ - -"),
        new("no-samples", "the same as", "FastAPI and Django", "FastAPI and Django (tied), then Flask", "★ ★ -"),
        new(
            "equal-disjoint", "the same as", "FastAPI and Django", "FastAPI and Django (tied), then Flask",
            "★ ★ -"),
        new("mixed", "1.1x faster", "FastAPI", "FastAPI, then Django, then Flask", "★ - -"),
        new(
            "chain", "not clearly faster (1.11x, 95% interval 0.99x–1.24x)", "no clear winner (FastAPI and Django)",
            "FastAPI and Django (no clear difference), then Flask", "≈ ≈ -"),
        new(
            "all-within", "not clearly faster (1.02x, 95% interval 0.83x–1.25x)",
            "no clear winner (FastAPI, Django and Flask)", "FastAPI, Django and Flask (no clear difference)",
            "≈ ≈ ≈"),
    ];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Comparisons_winners_and_rankings_say_what_the_noise_rule_allows(Edge edge)
    {
        var html = Render(
            $"{{{{ratio fastapi django {edge.Scenario} rps}}}} | {{{{best {edge.Scenario} rps}}}} | "
            + $"{{{{ranking {edge.Scenario} rps}}}}");

        Assert.Equal($"{edge.Ratio} | {edge.Best} | {edge.Ranking}", html.Body!.TextContent.Trim());
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_tables_star_marks_only_a_clear_best_and_tied_bests_say_so(Edge edge)
    {
        var html = Render($"{{{{table {edge.Scenario}:rps}}}}");

        var cells = html.QuerySelectorAll("table.benchmark tbody td");
        Assert.Equal(edge.Marks, string.Join(' ', cells.Select(Mark)));
        Assert.All(cells.Where(c => Mark(c) == "≈"), c =>
        {
            Assert.Equal("best-tied", c.ClassName);
            Assert.Equal(
                "no clear difference from the best", c.QuerySelector(".best-mark")!.GetAttribute("aria-label"));
        });
        Assert.All(cells.Where(c => Mark(c) == "★"), c => Assert.Equal("best", c.ClassName));
    }

    [Fact]
    public void A_comparison_followed_by_than_writes_the_connective_its_outcome_reads_right_with()
    {
        var html = Render(
            "FastAPI was {{ratio fastapi django no-samples rps}} than Django. "
            + "FastAPI was {{percent fastapi django equal-disjoint rps}} than Django. "
            + "FastAPI was {{ratio fastapi django apart rps}} than Django. "
            + "FastAPI was {{diff fastapi django touching rps}} than Django. "
            + "FastAPI was {{ratio fastapi django touching rps}} thank-you-free than Django.");

        Assert.Equal(
            "FastAPI was the same as Django. FastAPI was the same as Django. "
            + "FastAPI was 1.10x faster (95% interval 1.10x–1.11x) than Django. "
            + "FastAPI was not clearly faster (10\u00a0req/s) than Django. "
            + "FastAPI was not clearly faster (1.10x, 95% interval 1.00x–1.21x) thank-you-free than Django.",
            html.Body!.TextContent.Trim());
        Assert.DoesNotContain("as than", html.Body.TextContent, StringComparison.Ordinal);
        // The connective is text, not part of the figure's link.
        Assert.All(html.QuerySelectorAll("a.figure"), a => Assert.DoesNotContain(" than", a.TextContent,
            StringComparison.Ordinal));
    }

    [Fact]
    public void Percent_and_difference_without_a_clear_difference_say_so_and_keep_the_real_figure()
    {
        var html = Render(
            "{{percent fastapi django touching rps}}; {{diff fastapi django touching rps}}; "
            + "{{ratio fastapi django touching rps}}");

        var figures = html.QuerySelectorAll("a.figure");
        Assert.Equal(
            ["not clearly faster (10%)", "not clearly faster (10\u00a0req/s)",
                "not clearly faster (1.10x, 95% interval 1.00x–1.21x)"],
            figures.Select(f => f.TextContent));
        Assert.Equal(
            ["10", "10", "1.1"],
            figures.Select(f => f.QuerySelector("data")!.GetAttribute("value")!)
                .Select(v => double.Parse(v, CultureInfo.InvariantCulture))
                .Select(v => v.ToString("0.#", CultureInfo.InvariantCulture)));
        Assert.All(figures, f => Assert.Contains("Noise edge cases, measured", f.GetAttribute("title")!,
            StringComparison.Ordinal));
    }

    [Fact]
    public void Values_with_a_spread_show_their_range_and_the_caption_says_what_it_is()
    {
        var html = Render("{{table touching:rps mixed:rps}}");

        var table = html.QuerySelector("table.benchmark")!;
        Assert.Contains(
            "Values with a range are medians of 3 rounds; the range is min–max. Each range's label gives the 95% "
            + "interval of the median (bootstrap over rounds). ★ marks a clear best value",
            table.QuerySelector("caption")!.TextContent,
            StringComparison.Ordinal);
        var spreads = table.QuerySelectorAll(".spread");
        Assert.Equal(["(105–115)", "(95–105)", "(48–52)", "(100–120)"], spreads.Select(s => s.TextContent));
        // With 3 samples the median's interval is the range itself (see BootstrapTests).
        Assert.Equal(
            "range of 3 rounds: 105 to 115; 95% interval of the median: 105 to 115",
            spreads[0].GetAttribute("aria-label"));
        Assert.Equal(spreads[0].GetAttribute("aria-label"), spreads[0].GetAttribute("title"));
        Assert.Equal("img", spreads[0].GetAttribute("role"));
    }

    [Fact]
    public void A_table_of_values_without_spread_keeps_its_caption_and_has_no_ranges()
    {
        var html = Render("{{table one-sample:rps no-samples:rps}}");

        var table = html.QuerySelector("table.benchmark")!;
        var caption = table.QuerySelector("caption")!.TextContent;
        Assert.EndsWith(". ★ marks the best value.", caption, StringComparison.Ordinal);
        Assert.Empty(table.QuerySelectorAll(".spread"));
    }

    [Fact]
    public void A_chart_carries_min_and_max_for_its_whiskers_only_where_there_is_a_spread()
    {
        var html = Render("{{chart touching:rps mixed:rps}}");

        var data = JsonDocument.Parse(html.QuerySelector("script[type='application/json']")!.TextContent).RootElement;
        var series = data.GetProperty("series").EnumerateArray()
            .ToDictionary(s => s.GetProperty("framework").GetString()!);
        Assert.Equal("[105,100]", series["fastapi"].GetProperty("min").GetRawText());
        Assert.Equal("[115,120]", series["fastapi"].GetProperty("max").GetRawText());
        Assert.Equal("[95,null]", series["django"].GetProperty("min").GetRawText());
        Assert.Equal("[105,null]", series["django"].GetProperty("max").GetRawText());
        Assert.Contains("Whiskers on the bars show the range.", html.QuerySelector("figcaption")!.TextContent,
            StringComparison.Ordinal);
        Assert.Equal(4, html.QuerySelectorAll("table.chart-table .spread").Length);

        var plain = Render("{{chart one-sample:rps}}");
        var single = JsonDocument.Parse(plain.QuerySelector("script[type='application/json']")!.TextContent);
        Assert.All(single.RootElement.GetProperty("series").EnumerateArray(), s =>
        {
            Assert.False(s.TryGetProperty("min", out _));
            Assert.False(s.TryGetProperty("max", out _));
        });
    }

    [Theory]
    [InlineData("apart", "matches Example Lab's (FastAPI, then Django, then Flask)")]
    [InlineData(
        "touching",
        "is consistent with Example Lab's (FastAPI, then Django, then Flask): "
        + "we measured FastAPI and Django (no clear difference), then Flask")]
    public void Agreement_groups_our_frameworks_with_no_clear_difference(string scenario, string expected)
    {
        var html = Render($"{{{{agreement {scenario} rps}}}}");

        Assert.Equal(expected, html.Body!.TextContent.Trim());
    }

    private static IDocument Render(string markdown)
    {
        var (page, context) = NoiseEdges.Render(markdown, showErrors: true);
        Assert.Empty(context.Problems);
        return page;
    }

    /// <summary>"★", "≈" or "-": the mark a table cell carries.</summary>
    private static string Mark(IElement cell) =>
        cell.QuerySelector(".best-mark")?.TextContent switch
        {
            "★" => "★",
            "≈ best" => "≈",
            null => "-",
            var other => other,
        };
}
