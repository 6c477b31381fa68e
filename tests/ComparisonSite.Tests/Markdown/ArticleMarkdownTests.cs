using AngleSharp.Dom;
using ComparisonSite.Markdown;

namespace ComparisonSite.Tests.Markdown;

public sealed class ArticleMarkdownTests
{
    private static readonly HtmlParser Html = new();

    private static (IDocument Document, List<ContentDiagnostic> Diagnostics) Render(string markdown)
    {
        var diagnostics = new List<ContentDiagnostic>();
        var document = ArticleMarkdown.Parse(markdown, "test.md", 5, diagnostics);
        return (Html.ParseDocument(ArticleMarkdown.ToHtml(document)), diagnostics);
    }

    [Fact]
    public void Raw_html_is_shown_as_text_not_markup()
    {
        var (html, _) = Render("Hello <script>alert(1)</script> <b onclick=x>bold</b>\n\n<div>block</div>");

        Assert.Empty(html.QuerySelectorAll("script, b, div"));
        Assert.Contains("<script>alert(1)</script>", html.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void External_links_get_noopener_and_site_links_do_not()
    {
        var (html, diagnostics) = Render(
            "[out](https://example.org/x) [home](/) [here](#faq) [mail](mailto:a@example.org)");

        Assert.Empty(diagnostics);
        var links = html.QuerySelectorAll("a").ToDictionary(a => a.TextContent, a => a.GetAttribute("rel"));
        Assert.Equal("noopener", links["out"]);
        Assert.Null(links["home"]);
        Assert.Null(links["here"]);
        Assert.Null(links["mail"]);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("JaVaScRiPt:alert(1)")]
    [InlineData("data:text/html,hi")]
    [InlineData("vbscript:x")]
    public void Script_links_are_neutralised_and_reported_with_the_line(string target)
    {
        var (html, diagnostics) = Render($"first line\n\n[click]({target})");

        Assert.Equal("#", html.QuerySelector("a")!.GetAttribute("href"));
        var error = Assert.Single(diagnostics);
        Assert.Equal(7, error.Line);
        Assert.Contains("is not allowed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Headings_get_stable_ids_from_their_text()
    {
        var (html, _) = Render("### Is FastAPI faster in production?\n\n### Hosting & costs");

        Assert.Equal(
            ["is-fastapi-faster-in-production", "hosting--costs"],
            html.QuerySelectorAll("h3").Select(h => h.Id));
    }

    [Fact]
    public void Level_one_and_two_headings_are_reported()
    {
        var (_, diagnostics) = Render("# Title\n\ntext\n\n## Sub");

        Assert.Equal([5, 9], diagnostics.Select(d => d.Line));
    }

    [Fact]
    public void Tables_render_inside_a_focusable_scroll_region()
    {
        var (html, _) = Render("| a | b |\n|---|---|\n| 1 | 2 |");

        var region = Assert.Single(html.QuerySelectorAll("div.table-scroll"));
        Assert.Equal("0", region.GetAttribute("tabindex"));
        Assert.Equal("region", region.GetAttribute("role"));
        Assert.Single(region.QuerySelectorAll("table thead th"), th => th.TextContent == "b");
    }

    [Fact]
    public void A_tables_cells_name_their_columns_for_the_phone_layout_however_often_it_is_rendered()
    {
        var diagnostics = new List<ContentDiagnostic>();
        var document = ArticleMarkdown.Parse(
            "| Category | FastAPI | Django |\n|---|---|---|\n| *Speed* | fast | `slower` |\n| Admin | no | yes |",
            "test.md", 1, diagnostics);

        ArticleMarkdown.ToHtml(document);
        var again = ArticleMarkdown.ToHtml(document);
        var html = Html.ParseDocument(again);

        var table = html.QuerySelector("table")!;
        Assert.Equal("figure-table", table.ClassName);
        Assert.Equal("2", table.GetAttribute("data-columns"));
        Assert.Equal(["Speed", "Admin"], table.QuerySelectorAll("td.row-heading").Select(td => td.TextContent));
        Assert.All(
            table.QuerySelectorAll("tbody tr"),
            row => Assert.Equal(
                ["FastAPI", "Django"],
                row.QuerySelectorAll("td:not(.row-heading)").Select(td => td.GetAttribute("data-column"))));
        // The second render writes each mark once, as the first did.
        Assert.Equal(4, again.Split("data-column=").Length - 1);
        Assert.Equal(1, again.Split("figure-table").Length - 1);
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Footnotes_render_with_back_links()
    {
        var (html, _) = Render("Claim.[^1]\n\n[^1]: Evidence.");

        var reference = html.QuerySelector("a.footnote-ref")!;
        var target = reference.GetAttribute("href")![1..];
        Assert.NotNull(html.GetElementById(target));
    }

    [Fact]
    public void Task_list_syntax_stays_plain_text()
    {
        var (html, _) = Render("- [ ] not a checkbox");

        Assert.Empty(html.QuerySelectorAll("input"));
    }

    [Fact]
    public void Data_reference_renders_a_visible_placeholder_and_never_a_number()
    {
        var (html, _) = Render("FastAPI served {{value fastapi json rps}} in the test.");

        var placeholder = Assert.Single(html.QuerySelectorAll("span.data-pending"));
        Assert.Equal(
            "Benchmark figure from the results store: value fastapi json rps",
            placeholder.GetAttribute("title"));
        Assert.DoesNotContain("{{", html.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Page_identifiers_are_unique_across_sections_and_footnotes_number_on()
    {
        var diagnostics = new List<ContentDiagnostic>();
        var first = ArticleMarkdown.Parse("### Setup\n\nA.[^a]\n\n[^a]: one", "a.md", 1, diagnostics);
        var second = ArticleMarkdown.Parse("### Setup\n\nB.[^b]\n\n[^b]: two", "b.md", 1, diagnostics);

        PageIdentifiers.MakeUnique([("overview", first), ("writers", second)]);

        var page = Html.ParseDocument(ArticleMarkdown.ToHtml(first) + ArticleMarkdown.ToHtml(second));
        Assert.Equal(["setup", "writers-setup"], page.QuerySelectorAll("h3").Select(h => h.Id));
        var ids = page.QuerySelectorAll("[id]").Select(e => e.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(["1", "2"], page.QuerySelectorAll("a.footnote-ref").Select(a => a.TextContent));
    }
}
