using ComparisonSite.Content;

namespace ComparisonSite.Tests.Content;

/// <summary>
/// Front matter texts and lists have bounds (<see cref="FrontMatterLimits"/>): past one, the article is refused
/// with an error naming the file, the line and the key, as for any other bad front matter.
/// </summary>
public sealed class FrontMatterLimitsTests : IDisposable
{
    private readonly string _content = Directory.CreateTempSubdirectory("comparisonsite-limits-").FullName;

    private static string Index(string extra) => $"""
        ---
        title: "A probe"
        description: "A comparison for probing the bounds."
        slug: probe
        published: 2026-01-10
        updated: 2026-02-01
        author: Probe Editor
        frameworks: [fastapi, flask]
        suite: python-web-frameworks
        {extra}
        ---
        Summary.
        """;

    private async Task<ComparisonLoadResult> LoadAsync(string index)
    {
        var folder = Path.Combine(_content, "probe");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "index.md"), index);
        await File.WriteAllTextAsync(
            Path.Combine(folder, "01-speed.md"), "---\ntitle: \"Speed\"\norder: 1\n---\nText.\n");
        return await new ComparisonLoader(new ContentOptions()).LoadAsync(_content, folder, CancellationToken.None);
    }

    [Fact]
    public async Task Five_thousand_tags_refuse_the_article_naming_the_file_line_and_key()
    {
        var tags = string.Join(", ", Enumerable.Range(1, 5_000).Select(i => $"Tag {i}"));

        var result = await LoadAsync(Index($"tags: [{tags}]"));

        Assert.Null(result.Article);
        Assert.Equal(
            "probe/index.md:10: error: 'tags' has 5,000 entries; at most 20 are allowed",
            Assert.Single(result.Diagnostics).ToString());
    }

    [Fact]
    public async Task A_200_KB_verdict_refuses_the_article_naming_the_file_line_and_key()
    {
        var verdict = new string('x', 200 * 1024);

        var result = await LoadAsync(Index($"verdict: \"{verdict}\""));

        Assert.Null(result.Article);
        Assert.Equal(
            "probe/index.md:10: error: 'verdict' is 204,800 characters long; at most 500 are allowed",
            Assert.Single(result.Diagnostics).ToString());
    }

    [Fact]
    public async Task A_tag_name_past_its_bound_is_reported_on_its_own_line()
    {
        var result = await LoadAsync(Index($"tags:\n  - Python\n  - {new string('t', 101)}"));

        Assert.Null(result.Article);
        Assert.Equal(
            "probe/index.md:12: error: 'tags' entry 2 is 101 characters long; at most 100 are allowed",
            Assert.Single(result.Diagnostics).ToString());
    }

    [Fact]
    public async Task A_section_title_past_its_bound_refuses_the_article()
    {
        var folder = Path.Combine(_content, "probe");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(
            Path.Combine(folder, "02-long.md"), $"---\ntitle: {new string('s', 201)}\norder: 2\n---\nText.\n");

        var result = await LoadAsync(Index(string.Empty));

        Assert.Null(result.Article);
        Assert.Equal(
            "probe/02-long.md:2: error: 'title' is 201 characters long; at most 200 are allowed",
            Assert.Single(result.Diagnostics).ToString());
    }

    [Fact]
    public async Task Front_matter_at_every_bound_is_accepted()
    {
        var tags = string.Join(", ", Enumerable.Range(1, 20).Select(i => $"Tag {i}"));
        var related = string.Join(", ", Enumerable.Range(1, 20).Select(i => $"other-{i}"));
        var frameworks = string.Join(", ", Enumerable.Range(1, 50).Select(i => $"framework-{i}"));
        var extra = $"""
            tags: [{tags}]
            related: [{related}]
            verdict: "{new string('v', 500)}"
            headline: "{new string('h', 500)}"
            """;

        var result = await LoadAsync(Index(extra)
            .Replace("frameworks: [fastapi, flask]", $"frameworks: [{frameworks}]", StringComparison.Ordinal)
            .Replace("A probe", new string('t', 200), StringComparison.Ordinal));

        Assert.Empty(result.Diagnostics);
        var article = Assert.IsType<ComparisonArticle>(result.Article);
        Assert.Equal(20, article.Meta.Tags.Count);
        Assert.Equal(50, article.Meta.Frameworks.Count);
    }

    public void Dispose() => Directory.Delete(_content, recursive: true);
}
