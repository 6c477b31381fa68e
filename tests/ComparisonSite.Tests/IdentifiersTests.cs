using ComparisonSite.Content;
using ComparisonSite.Hosting;
using Microsoft.AspNetCore.Routing;

namespace ComparisonSite.Tests;

public sealed class IdentifiersTests
{
    private static readonly string LongestSlug = new('a', 100);
    private static readonly string TooLongSlug = new('a', 101);

    [Theory]
    [InlineData("fastapi", true)]
    [InlineData("fastapi-vs-django-vs-flask", true)]
    [InlineData("3scale", true)]
    [InlineData("p99", true)]
    [InlineData("a", true)]
    [InlineData("", false)]
    [InlineData("-fastapi", false)]
    [InlineData("FastAPI", false)]
    [InlineData("fast_api", false)]
    [InlineData("fast.api", false)]
    [InlineData("fast api", false)]
    [InlineData(" fastapi", false)]
    [InlineData("fastapi\n", false)]
    [InlineData("favicon.svg", false)]
    [InlineData("café", false)]
    public void A_slug_is_lower_case_letters_digits_and_hyphens_led_by_a_letter_or_digit(string text, bool isSlug) =>
        Assert.Equal(isSlug, Identifiers.IsSlug(text));

    [Fact]
    public void A_slug_has_at_most_100_characters()
    {
        Assert.True(Identifiers.IsSlug(LongestSlug));
        Assert.False(Identifiers.IsSlug(TooLongSlug));
    }

    [Theory]
    [InlineData("fastapi-vs-django-vs-flask", true)]
    [InlineData("3scale", true)]
    [InlineData("-fastapi", false)]
    [InlineData("favicon.svg", false)]
    public void The_comparison_route_takes_exactly_the_slugs(string segment, bool matches)
    {
        var values = new RouteValueDictionary { ["slug"] = segment };
        var matched = new SlugRouteConstraint().Match(null, null, "slug", values, RouteDirection.IncomingRequest);
        Assert.Equal(matches, matched);
    }

    [Theory]
    [InlineData("bytepulse-2026-03", true)]
    [InlineData("rerun-2026-06", true)]
    [InlineData("v1.2_full", true)]
    [InlineData("2026.07", true)]
    [InlineData("", false)]
    [InlineData(".hidden", false)]
    [InlineData("_draft", false)]
    [InlineData("-run", false)]
    [InlineData("Run-1", false)]
    [InlineData("run/1", false)]
    [InlineData("run 1", false)]
    [InlineData("run-1\n", false)]
    public void A_run_id_is_a_slug_that_may_also_hold_dots_and_underscores(string text, bool isRunId) =>
        Assert.Equal(isRunId, Identifiers.IsRunId(text));

    [Fact]
    public void A_run_id_has_at_most_100_characters()
    {
        Assert.True(Identifiers.IsRunId(LongestSlug));
        Assert.False(Identifiers.IsRunId(TooLongSlug));
    }

    [Theory]
    [InlineData("speed", true)]
    [InlineData("quick-verdict", true)]
    [InlineData("section-2026", true)]
    [InlineData("", false)]
    [InlineData("2026-results", false)]
    [InlineData("-speed", false)]
    [InlineData("Speed", false)]
    [InlineData("speed_test", false)]
    [InlineData("speed\n", false)]
    public void An_anchor_starts_with_a_letter_then_lower_case_letters_digits_and_hyphens(string text, bool isAnchor) =>
        Assert.Equal(isAnchor, Identifiers.IsAnchor(text));

    [Fact]
    public void An_anchor_from_a_title_is_always_an_anchor()
    {
        Assert.True(Identifiers.IsAnchor(ComparisonLoader.AnchorFromTitle("2026: the results")));
        Assert.True(Identifiers.IsAnchor(ComparisonLoader.AnchorFromTitle("Speed & memory")));
    }

    [Theory]
    [InlineData(null, 40, "")]
    [InlineData("short", 40, "short")]
    [InlineData("abcdefghij", 10, "abcdefghij")]
    [InlineData("abcdefghijk", 10, "abcdefghij…")]
    public void Shorten_cuts_quoted_text_to_its_limit_and_marks_the_cut(string? text, int limit, string expected) =>
        Assert.Equal(expected, Identifiers.Shorten(text, limit));

    [Fact]
    public void Shorten_keeps_40_characters_unless_told_otherwise() =>
        Assert.Equal(new string('x', 40) + "…", Identifiers.Shorten(new string('x', 41)));
}
