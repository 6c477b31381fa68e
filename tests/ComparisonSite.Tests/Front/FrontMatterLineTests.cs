using ComparisonSite.Articles;
using ComparisonSite.Content;
using ComparisonSite.Figures;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ComparisonSite.Tests.Front;

/// <summary>
/// The verdict and headline lines of front matter: parsed like the article's Markdown, their problems reported
/// as content problems naming index.md and the key's line, and the headline computed from the store.
/// </summary>
public sealed class FrontMatterLineTests : IDisposable
{
    private readonly string _content = Directory.CreateTempSubdirectory("comparisonsite-front-").FullName;

    private const string Index = """
        ---
        title: "A probe"
        description: "A comparison for probing the front lines."
        slug: probe
        published: 2026-01-10
        updated: 2026-02-01
        author: Probe Editor
        frameworks: [fastapi, flask]
        suite: python-web-frameworks
        tags: [Python, "Web frameworks!"]
        verdict: "VERDICT"
        headline: "HEADLINE"
        ---
        Summary.
        """;

    [Fact]
    public async Task Tags_get_slugs_by_the_site_rules_and_the_verdict_renders_as_inline_html()
    {
        var loaded = await LoadAsync("Pick *FastAPI*.", "FastAPI served {{value fastapi json rps}}.");

        var article = Assert.IsType<ComparisonArticle>(loaded.Article);
        Assert.Equal(
            [new ArticleTag("Python", "python"), new ArticleTag("Web frameworks!", "web-frameworks")],
            article.Meta.Tags);
        Assert.Equal("Pick <em>FastAPI</em>.", article.VerdictHtml);
    }

    [Fact]
    public async Task A_malformed_headline_reference_is_an_error_on_the_headline_line()
    {
        var loaded = await LoadAsync("Pick FastAPI.", "FastAPI served {{value fastapi}}.");

        Assert.Null(loaded.Article);
        var error = Assert.Single(loaded.Diagnostics);
        Assert.Equal(("probe/index.md", 12), (error.File, error.Line));
    }

    [Fact]
    public async Task A_verdict_with_a_figure_or_a_block_is_refused()
    {
        var figure = await LoadAsync("Pick {{value fastapi json rps}}.", "Fine.");
        var list = await LoadAsync("- one", "Fine.");

        Assert.Contains(
            figure.Diagnostics, d => d.Line == 11 && d.Message.Contains("'headline'", StringComparison.Ordinal));
        Assert.Contains(
            list.Diagnostics, d => d.Line == 11 && d.Message.Contains("one line", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_headline_is_computed_from_the_store_and_an_unknown_figure_names_its_line()
    {
        var good = (await LoadAsync("Pick FastAPI.", "FastAPI served {{value fastapi json rps}}.")).Article!;
        var bad = (await LoadAsync("Pick FastAPI.", "Nobody served {{value nobody json rps}}.")).Article!;
        var snapshot = TestSnapshots.From(TestSnapshots.SeedDocument());
        var renderer = new ArticlePageRenderer(
            new FigureFormatter(CultureInfo.GetCultureInfo("en-US")), new Env(), TimeProvider.System,
            new CacheRoom(Options.Create(new MemoryBudget())), NullLogger<ArticlePageRenderer>.Instance);

        var (page, problems) = renderer.Build(good, snapshot, showErrors: false);
        var value = snapshot.RunFor("python-web-frameworks")!.Find("fastapi", "json", "rps")!.Value;
        var html = new HtmlParser().ParseFragment(page.HeadlineHtml!, null!).OfType<AngleSharp.Dom.IElement>();
        Assert.Empty(problems);
        Assert.Contains(html.SelectMany(e => e.QuerySelectorAll("data")),
            d => d.GetAttribute("value") == value.ToString(CultureInfo.InvariantCulture));

        var (_, badProblems) = renderer.Build(bad, snapshot, showErrors: false);
        var problem = Assert.Single(badProblems);
        Assert.Equal(("probe/index.md", 12), (problem.File, problem.Line));
    }

    private async Task<ComparisonLoadResult> LoadAsync(string verdict, string headline)
    {
        var folder = Path.Combine(_content, "probe");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(
            Path.Combine(folder, "index.md"),
            Index.Replace("VERDICT", verdict, StringComparison.Ordinal)
                .Replace("HEADLINE", headline, StringComparison.Ordinal));
        return await new ComparisonLoader(new ContentOptions()).LoadAsync(_content, folder, CancellationToken.None);
    }

    public void Dispose() => Directory.Delete(_content, recursive: true);

    private sealed class Env : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Production";
        public string ApplicationName { get; set; } = "ComparisonSite";
        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = null!;
    }
}
