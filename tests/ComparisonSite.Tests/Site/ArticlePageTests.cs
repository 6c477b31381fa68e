namespace ComparisonSite.Tests.Site;

/// <summary>The published article as a reader and a crawler get it, from the repository's own content.</summary>
public sealed class ArticlePageTests(PostgresFixture postgres) : SiteTestBase(postgres)
{
    private const string Slug = "/fastapi-vs-django-vs-flask";

    [Fact]
    public async Task Article_has_one_h1_and_every_section_in_order()
    {
        using var response = await Site.CreateReader().GetAsync(Slug);
        var page = await SiteFactory.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(page.QuerySelectorAll("h1"));
        var expected = Directory
            .EnumerateFiles(SiteRoot.Locate(null).Combine("content/fastapi-vs-django-vs-flask"), "*.md")
            .Select(Path.GetFileName)
            .Where(f => f != "index.md")
            .Order(StringComparer.Ordinal)
            .Count();
        var sections = page.QuerySelectorAll("section.article-section > h2").Select(h => h.TextContent).ToList();
        Assert.Equal(expected, sections.Count);
        Assert.Equal("Quick verdict", sections[0]);
        Assert.Equal("Final verdict", sections[^1]);
        Assert.Contains("Methodology", sections);
        Assert.Contains("Frequently asked questions", sections);
        Assert.NotNull(page.QuerySelector(".verdict-box li"));
    }

    [Fact]
    public async Task Every_table_of_contents_link_lands_on_an_id_of_the_page_and_ids_are_unique()
    {
        var page = await SiteFactory.ParseAsync(await Site.CreateReader().GetAsync(Slug));

        var tocTargets = page.QuerySelectorAll("nav.toc a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.NotEmpty(tocTargets);
        Assert.All(tocTargets, href => Assert.NotNull(page.GetElementById(href.TrimStart('#'))));
        var fragmentLinks = page
            .QuerySelectorAll("a[href^='#']")
            .Select(a => a.GetAttribute("href")![1..])
            .Where(id => id.Length > 0);
        Assert.All(fragmentLinks, id => Assert.NotNull(page.GetElementById(id)));
        var ids = page.QuerySelectorAll("[id]").Select(e => e.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public async Task Benchmark_numbers_come_from_the_store_with_no_placeholder_or_error_left()
    {
        var page = await SiteFactory.ParseAsync(await Site.CreateReader().GetAsync(Slug));

        Assert.Contains(page.QuerySelectorAll("#speed a.figure"), a => a.TextContent == "about 8,500\u00a0req/s");
        Assert.NotNull(page.QuerySelector("#speed table.benchmark"));
        Assert.NotNull(page.QuerySelector("#speed figure.chart"));
        Assert.NotNull(page.QuerySelector("#methodology dl.run-environment"));
        Assert.Empty(page.QuerySelectorAll(".data-pending, .figure-missing, .figure-error"));
        Assert.DoesNotContain("{{", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_pages_with_charts_load_the_chart_loader_and_it_names_chart_js_without_loading_it()
    {
        var article = await SiteFactory.ParseAsync(await Site.CreateReader().GetAsync(Slug));
        var home = await SiteFactory.ParseAsync(await Site.CreateReader().GetAsync("/"));

        var scripts = article.QuerySelectorAll("script[src]").ToList();
        // article.js, clipboard.js, figures.js, chart-loader.js and (the pricing section's calculator) calculator.js.
        Assert.Equal(5, scripts.Count);
        Assert.All(scripts, s => Assert.True(s.HasAttribute("defer")));
        Assert.DoesNotContain(scripts, s => s.GetAttribute("src")!.Contains("chart.umd", StringComparison.Ordinal));
        var loader = Assert.Single(
            scripts, s => s.GetAttribute("src")!.StartsWith("/js/chart-loader.js?v=", StringComparison.Ordinal));
        Assert.StartsWith(
            "/lib/chart.js/dist/chart.umd.min.js?v=", loader.GetAttribute("data-chartjs"), StringComparison.Ordinal);
        Assert.StartsWith("/js/charts.js?v=", loader.GetAttribute("data-charts"), StringComparison.Ordinal);
        Assert.NotEmpty(article.QuerySelectorAll("figure.chart svg.chart-svg[role=img]"));
        Assert.Empty(home.QuerySelectorAll("script[src]"));
    }

    [Fact]
    public async Task External_links_in_the_article_carry_noopener()
    {
        var page = await SiteFactory.ParseAsync(await Site.CreateReader().GetAsync(Slug));

        var external = page.QuerySelectorAll("article a[href^='http']").ToList();
        Assert.NotEmpty(external);
        Assert.All(external, a => Assert.Equal("noopener", a.GetAttribute("rel")));
    }

    [Fact]
    public async Task Home_page_lists_the_comparison_with_its_description_and_date()
    {
        var page = await SiteFactory.ParseAsync(await Site.CreateReader().GetAsync("/"));

        var item = Assert.Single(page.QuerySelectorAll(".comparison-list > li"));
        Assert.Equal(Slug, item.QuerySelector("a")!.GetAttribute("href"));
        Assert.NotEmpty(item.QuerySelector("p")!.TextContent);
        Assert.NotNull(item.QuerySelector("time[datetime]"));
    }
}
