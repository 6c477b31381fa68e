using System.Reflection;
using System.Xml.Linq;
using ComparisonSite.Content;

namespace ComparisonSite.Tests.Hostile;

/// <summary>
/// Characters that XML cannot carry (C0 controls, U+FFFE): refused where front matter is read, with file and line,
/// and never able to take down a site-wide document such as the feed.
/// </summary>
public sealed class XmlCharacterTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    private static readonly string Content = Path.Combine(FixturePaths.Root, "hostile", "xml-characters");

    [Fact]
    public async Task Front_matter_with_characters_xml_cannot_carry_is_refused_with_file_and_line()
    {
        var loader = new ComparisonLoader(new ContentOptions());

        var result = await loader.LoadAsync(
            Content, Path.Combine(Content, "control-characters"), CancellationToken.None);

        Assert.Null(result.Article);
        Assert.Equal(
        [
            "control-characters/index.md:2: error: 'title' contains U+0001 at character 17, which a web page, feed " +
                "or sitemap cannot carry; remove it",
            "control-characters/index.md:3: error: 'description' contains U+FFFE at character 20, which a web page, " +
                "feed or sitemap cannot carry; remove it",
            "control-characters/01-speed.md:2: error: 'title' contains U+001B at character 7, which a web page, " +
                "feed or sitemap cannot carry; remove it",
        ], result.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public async Task Check_reports_characters_xml_cannot_carry()
    {
        var check = await SiteProcess.RunVerbAsync(await postgres.CreateDatabaseAsync(), "check", "--content", Content);

        Assert.Equal(1, check.ExitCode);
        Assert.Contains(
            "control-characters/index.md:2: error: 'title' contains U+0001", check.Output, StringComparison.Ordinal);
        Assert.Contains(
            "control-characters/01-speed.md:2: error: 'title' contains U+001B", check.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_article_that_still_carries_such_characters_cannot_break_the_feed_or_the_sitemap()
    {
        await using var site = await TestSite.CreateAsync(postgres);
        using var reader = site.CreateReader();
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/")).StatusCode);

        // The loader refuses these characters; this stands for whatever else might let one through.
        var library = site.Get<ContentLibrary>();
        var (slug, article) = library.Current.Comparisons.First();
        var hostile = article with
        {
            Meta = article.Meta with
            {
                Title = "Fast \u0001 frameworks",
                Description = "Bad \uFFFE summary \uD800 with a lone surrogate",
                Author = "Editor \u001B[31m",
            },
        };
        var field = typeof(ContentLibrary).GetField("_current", BindingFlags.NonPublic | BindingFlags.Instance)!;
        field.SetValue(
            library, library.Current with { Comparisons = library.Current.Comparisons.SetItem(slug, hostile) });

        using var feed = await reader.GetAsync("/feed.xml");
        using var sitemap = await reader.GetAsync("/sitemap.xml");

        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        var atom = XDocument.Parse(await feed.Content.ReadAsStringAsync());
        XNamespace ns = "http://www.w3.org/2005/Atom";
        // The article's own entry, and one per run it cites, whose titles name the article too.
        var entries = atom.Root!.Elements(ns + "entry").ToList();
        var entry = Assert.Single(entries, e => !e.Element(ns + "id")!.Value.Contains('#', StringComparison.Ordinal));
        Assert.Equal("Fast \uFFFD frameworks", entry.Element(ns + "title")!.Value);
        Assert.Equal("Bad \uFFFD summary \uFFFD with a lone surrogate", entry.Element(ns + "summary")!.Value);
        Assert.All(
            entries.Where(e => e != entry),
            e => Assert.EndsWith(
                " in Fast \uFFFD frameworks", e.Element(ns + "title")!.Value, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, sitemap.StatusCode);
        XDocument.Parse(await sitemap.Content.ReadAsStringAsync());
    }
}
