using ComparisonSite.Content;

namespace ComparisonSite.Tests.Content;

public sealed class ComparisonLoaderTests
{
    private static readonly ComparisonLoader Loader = new(new ContentOptions());

    private static Task<ComparisonLoadResult> LoadBroken(string name) =>
        Loader.LoadAsync(FixturePaths.Broken, Path.Combine(FixturePaths.Broken, name), CancellationToken.None);

    [Fact]
    public async Task Loads_a_sound_comparison_into_typed_front_matter_and_ordered_sections()
    {
        var result = await Loader.LoadAsync(
            FixturePaths.SecondSiteContent,
            Path.Combine(FixturePaths.SecondSiteContent, "postgresql-vs-sqlite"),
            CancellationToken.None);

        Assert.Empty(result.Diagnostics);
        var article = Assert.IsType<ComparisonArticle>(result.Article);
        Assert.Equal("postgresql-vs-sqlite", article.Slug);
        Assert.Equal(new DateOnly(2026, 2, 1), article.Meta.Updated);
        Assert.Equal(["postgresql", "sqlite"], article.Meta.Frameworks);
        Assert.Equal("embedded-databases", article.Meta.Suite);
        Assert.False(article.Meta.Draft);
        Assert.Equal(["overview", "writers"], article.Sections.Select(s => s.Anchor));
        Assert.Equal(6, article.Sections[1].BodyFirstLine);
    }

    [Fact]
    public async Task Unknown_key_is_an_error_naming_the_file_and_its_line()
    {
        var result = await LoadBroken("unknown-key");

        Assert.Null(result.Article);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(
            "unknown-key/index.md:10: error: unknown key 'tilte' (expected one of: aliases, author, claims, "
            + "description, draft, frameworks, headline, image, maxDataAge, origin, published, related, serverPrice, "
            + "slug, suite, tags, title, updated, verdict, withdrawn)",
            error.ToString());
    }

    [Fact]
    public async Task Missing_required_key_is_an_error_naming_the_key()
    {
        var result = await LoadBroken("missing-title");

        Assert.Null(result.Article);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(
            "missing-title/index.md:1: error: required key 'title' is missing from the front matter",
            error.ToString());
    }

    [Fact]
    public async Task Invalid_yaml_is_reported_on_the_line_where_the_parser_stopped()
    {
        var result = await LoadBroken("bad-yaml");

        Assert.Null(result.Article);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("bad-yaml/index.md", error.File);
        Assert.InRange(error.Line, 5, 7);
        Assert.StartsWith("front matter is not valid YAML: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_date_in_another_format_is_rejected_with_the_expected_format()
    {
        var result = await LoadBroken("bad-date");

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(
            "bad-date/index.md:5: error: 'published' must be a date written as YYYY-MM-DD, not '01/02/2026'",
            error.ToString());
    }

    [Fact]
    public async Task An_origin_other_than_reported_or_measured_is_rejected_naming_both()
    {
        var result = await LoadBroken("bad-origin");

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(
            "bad-origin/index.md:10: error: origin 'ours' must be one of reported, measured: the kind of run the "
            + "article's figures read when a reference names none",
            error.ToString());
    }

    [Fact]
    public async Task MaxDataAge_reads_days_per_suite_with_the_line_of_each_entry()
    {
        var folder = Path.Combine(FixturePaths.FreshnessSiteContent, "stale-figures");

        var result = await Loader.LoadAsync(FixturePaths.FreshnessSiteContent, folder, CancellationToken.None);

        Assert.Empty(result.Diagnostics);
        Assert.Equal([new DataAgeLimit("python-web-frameworks", 180, 12)], result.Article!.Meta.MaxDataAge);
    }

    [Fact]
    public async Task MaxDataAge_entries_out_of_range_misnamed_or_for_another_suite_are_errors_on_their_lines()
    {
        var result = await LoadBroken("bad-max-data-age");

        Assert.Null(result.Article);
        Assert.Equal(
        [
            "bad-max-data-age/index.md:12: error: 'maxDataAge' entry 'python-web-frameworks' must be a whole number "
                + "from 1 to 3650, not '0'",
            "bad-max-data-age/index.md:14: error: 'maxDataAge' entry 'Not A Slug' must be named by a slug, "
                + "e.g. maxDataAge: { python-web-frameworks: 365 }",
            "bad-max-data-age/index.md:15: error: 'maxDataAge' entry 'another-suite' must be a whole number "
                + "from 1 to 3650, not 'forever'",
            "bad-max-data-age/index.md:13: error: maxDataAge names suite 'embedded-databases', but the article "
                + "cites only 'python-web-frameworks' (its 'suite' key)",
        ], result.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public async Task Claims_with_a_wrong_shape_are_errors_on_their_lines()
    {
        var result = await LoadBroken("bad-claims");

        Assert.Null(result.Article);
        Assert.Equal(
        [
            "bad-claims/index.md:12: error: 'measure' must be SCENARIO:METRIC such as json:rps, not 'json'",
            "bad-claims/index.md:16: error: a claim gives either 'best: FRAMEWORK' (it leads the article's "
                + "frameworks) or 'ahead: A' and 'behind: B' (A is better than B)",
            "bad-claims/index.md:23: error: 'by' must be a ratio above 1 such as 3 or a range such as 7-8, not '0.5'",
            "bad-claims/index.md:27: error: 'behind' must be a framework slug (lower-case letters, digits and "
                + "hyphens, at most 100 characters), not 'Django'",
            "bad-claims/index.md:28: error: 'by' range '8-7' must run from the smaller ratio to the larger",
            "bad-claims/index.md:29: error: required key 'says' is missing from 'claims' entry 5",
            "bad-claims/index.md:31: error: unknown key 'colour' (expected one of: ahead, behind, best, by, measure, "
                + "says)",
        ], result.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public async Task MaxDataAge_as_a_bare_number_is_an_error_showing_the_per_suite_form()
    {
        var result = await LoadBroken("max-data-age-number");

        Assert.Null(result.Article);
        Assert.Equal(
            "max-data-age-number/index.md:11: error: 'maxDataAge' must be a set of 'name: number' entries, "
                + "e.g. maxDataAge: { python-web-frameworks: 365 }",
            Assert.Single(result.Diagnostics).ToString());
    }

    [Fact]
    public async Task Unclosed_front_matter_is_rejected()
    {
        var result = await LoadBroken("unclosed");

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(
            "unclosed/index.md:1: error: the front matter opened on line 1 is never closed with a '---' line",
            error.ToString());
    }

    [Fact]
    public async Task Section_errors_name_the_section_file_and_line()
    {
        var result = await LoadBroken("bad-section");

        Assert.Null(result.Article);
        Assert.Equal(
        [
            "bad-section/01-intro.md:3: error: 'order' must be a whole number, not 'first'",
            "bad-section/01-intro.md:9: error: link target 'javascript:alert(1)' is not allowed: "
                + "use an http(s) or mailto link, a path on this site, or an #anchor",
            "bad-section/01-intro.md:7: error: a level-2 heading is not allowed in a section body: "
                + "the page renders the title as h1 and each section title as h2; start at ###",
        ], result.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public async Task The_repository_content_loads_without_problems()
    {
        var contentRoot = SiteRoot.Locate(null).Combine("content");
        foreach (var folder in Directory.EnumerateDirectories(contentRoot))
        {
            var result = await Loader.LoadAsync(contentRoot, folder, CancellationToken.None);
            Assert.Empty(result.Diagnostics);
            Assert.NotNull(result.Article);
        }
    }

    [Theory]
    [InlineData("Head-to-head comparison", "head-to-head-comparison")]
    [InlineData("  FAQ: 5 questions! ", "faq-5-questions")]
    [InlineData("2026 in review", "section-2026-in-review")]
    public void Anchor_from_title_is_lower_case_kebab(string title, string expected) =>
        Assert.Equal(expected, ComparisonLoader.AnchorFromTitle(title));
}
