using System.Text.RegularExpressions;
using AngleSharp.Dom;
using ComparisonSite.Content;
using ComparisonSite.Markdown;
using CsCheck;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ComparisonSite.Tests.Hostile;

/// <summary>
/// Every link an article's Markdown can make, whatever the syntax, passes one policy: the hostile targets in
/// Fixtures/hostile/link-targets.txt, in every syntax, leave no live href or src and give one error per link.
/// The rendered HTML is read the way a browser reads it (AngleSharp's URL parser), not the way the policy does.
/// </summary>
public sealed partial class HostileLinkTests
{
    private static readonly Url Page = new("https://site.example/some-comparison");

    private static readonly HtmlParser Html = new();

    /// <summary>Each syntax that can carry a URL; {0} is the target.</summary>
    private static readonly string[] Syntaxes =
    [
        "[click]({0})",
        "[click](<{0}>)",
        "[click][ref]\n\n[ref]: {0}",
        "[click][ref]\n\n[ref]: <{0}>",
        "<{0}>",
        "![pic]({0})",
        "![pic](<{0}>)",
        "[![pic](<{0}>)](<{0}>)",
        "Text.[^1]\n\n[^1]: See [click](<{0}>) and <{0}>.",
        "| a |\n|---|\n| [click](<{0}>) <{0}> |",
        "### [click](<{0}>) <{0}>",
        "* item [click]({0})\n  > quoted <{0}>",
    ];

    public static TheoryData<string> Targets()
    {
        var data = new TheoryData<string>();
        foreach (var line in File.ReadLines(Path.Combine(FixturePaths.Root, "hostile", "link-targets.txt")))
        {
            if (line.Length > 0 && line[0] != '#')
            {
                data.Add(Escape().Replace(line, m => m.Value[1] switch
                {
                    't' => "\t",
                    '\\' => "\\",
                    _ => ((char)int.Parse(m.Value[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture))
                        .ToString(),
                }));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public void A_hostile_target_in_any_syntax_leaves_no_live_link_and_one_error_per_link(string target)
    {
        var links = 0;
        foreach (var syntax in Syntaxes)
        {
            var markdown = string.Format(CultureInfo.InvariantCulture, syntax, target);
            var (html, diagnostics) = Render(markdown);

            AssertInert(html, markdown);
            var expected = LinkNodes(markdown);
            Assert.True(expected == diagnostics.Count, $"{expected} links, {diagnostics.Count} errors in: {markdown}");
            Assert.All(diagnostics, d => Assert.Contains("is not allowed", d.Message, StringComparison.Ordinal));
            links += expected;
        }

        Assert.True(links >= 3, $"only {links} links made of '{target}': the corpus line tests little");
    }

    [Theory]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("<JAVASCRIPT:alert(1)>")]
    [InlineData("<vbscript:msgbox(1)>")]
    [InlineData("<data:text/html,hi>")]
    [InlineData("<file:///etc/passwd>")]
    public void A_script_autolink_becomes_plain_text_and_an_error_with_its_line(string autolink)
    {
        var (html, diagnostics) = Render($"first line\n\nsee {autolink} now");

        Assert.Empty(html.QuerySelectorAll("a"));
        Assert.Equal($"see {autolink[1..^1]} now", html.QuerySelector("p:last-child")!.TextContent);
        var error = Assert.Single(diagnostics);
        Assert.Equal(
            $"hostile.md:3: error: link target '{autolink[1..^1]}' is not allowed: use an http(s) or mailto link, "
            + "a path on this site, or an #anchor",
            error.ToString());
    }

    [Fact]
    public void Safe_autolinks_stay_links_and_external_ones_get_noopener()
    {
        var (html, diagnostics) = Render("<https://example.org/x> <mailto:a@example.org> <a@example.org>");

        Assert.Empty(diagnostics);
        Assert.Equal(
            [("https://example.org/x", "noopener"), ("mailto:a@example.org", null), ("mailto:a@example.org", null)],
            html.QuerySelectorAll("a").Select(a => (a.GetAttribute("href"), a.GetAttribute("rel"))));
    }

    [Theory]
    [InlineData("page?at=10:30")]
    [InlineData("/docs/a:b")]
    [InlineData("#faq")]
    [InlineData("https://example.org/?q=javascript:x")]
    public void Site_links_with_a_colon_after_the_path_starts_are_not_taken_for_a_scheme(string target)
    {
        var (html, diagnostics) = Render($"[x]({target})");

        Assert.Empty(diagnostics);
        Assert.Equal(target, html.QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task A_script_autolink_in_a_section_is_a_content_error_with_file_and_line()
    {
        var loader = new ComparisonLoader(new ContentOptions());

        var result = await loader.LoadAsync(
            FixturePaths.Broken, Path.Combine(FixturePaths.Broken, "script-autolinks"), CancellationToken.None);

        Assert.Null(result.Article);
        Assert.Equal(
        [
            "script-autolinks/01-links.md:6: error: link target 'javascript:alert(1)' is not allowed: use an http(s) "
                + "or mailto link, a path on this site, or an #anchor",
            "script-autolinks/01-links.md:8: error: link target 'vbscript:msgbox(1)' is not allowed: use an http(s) "
                + "or mailto link, a path on this site, or an #anchor",
            "script-autolinks/01-links.md:10: error: link target 'data:text/html,hi' is not allowed: use an http(s) "
                + "or mailto link, a path on this site, or an #anchor",
        ], result.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void Random_schemes_in_random_syntax_never_make_a_live_script_link()
    {
        var scheme = Gen.OneOf<string>("javascript", "vbscript", "data", "file")
            .SelectMany(name => Gen.Bool.Array[name.Length].Select(upper =>
                string.Concat(name.Select((c, i) => upper[i] ? char.ToUpperInvariant(c) : c))));
        var blank = Gen.OneOf<string>("", " ", "  ", "\t", "\u0001", "&#x09;", "&#32;", "\u000B");
        var inside = Gen.OneOf<string>("", "\t", "&#x09;", "&#x0A;", "&#13;");
        var colon = Gen.OneOf<string>(":", "&#58;", "&colon;", "&#x3A;");
        var target = Gen.Select(blank, scheme, inside, Gen.Int[0, 10], colon,
            (b, s, i, at, c) => b + s.Insert(Math.Min(at, s.Length), i) + c + "alert(1)");

        Gen.Select(target, Gen.OneOf(Syntaxes)).Sample((url, syntax) =>
        {
            var markdown = string.Format(CultureInfo.InvariantCulture, syntax, url);
            var (html, diagnostics) = Render(markdown);

            AssertInert(html, markdown);
            Assert.Equal(LinkNodes(markdown), diagnostics.Count);
        }, iter: 2000);
    }

    private static (IDocument Html, List<ContentDiagnostic> Diagnostics) Render(string markdown)
    {
        var diagnostics = new List<ContentDiagnostic>();
        var document = ArticleMarkdown.Parse(markdown, "hostile.md", 1, diagnostics);
        return (Html.ParseDocument(ArticleMarkdown.ToHtml(document)), diagnostics);
    }

    // Every URL the page carries, resolved as a browser resolves it, stays on the page's own site.
    private static void AssertInert(IDocument html, string markdown)
    {
        foreach (var element in html.QuerySelectorAll("[href], [src]"))
        {
            var value = element.GetAttribute("href") ?? element.GetAttribute("src")!;
            var url = new Url(Page, value);
            Assert.True(
                url.IsInvalid || (url.Scheme == "https" && url.HostName == "site.example"),
                $"<{element.LocalName}> carries '{value}' ({url.Scheme}:, host {url.HostName}) from: {markdown}");
        }
    }

    // The link-bearing nodes Markdig makes of the text before the site's policy sees them.
    private static int LinkNodes(string markdown) =>
        Markdig.Markdown.Parse(markdown, ArticleMarkdown.Pipeline)
            .Descendants<Inline>().Count(i => i is LinkInline or AutolinkInline);

    [GeneratedRegex(@"\\(u[0-9A-Fa-f]{4}|t|\\)")]
    private static partial Regex Escape();
}
