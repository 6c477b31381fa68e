using System.Net.Http.Headers;
using System.Xml.Linq;
using ComparisonSite.Results.Import;
using ComparisonSite.Results.Store;
using ComparisonSite.Tests.Site;

namespace ComparisonSite.Tests.Seo;

/// <summary>
/// What search crawlers and link previews get: head tags, structured data, sitemap, feed, status codes, caching.
/// </summary>
public sealed class SeoTests(PostgresFixture postgres) : IAsyncLifetime, IClassFixture<PostgresFixture>
{
    private const string BaseUrl = "https://comparisons.example";
    private const string Article = "/fastapi-vs-django-vs-flask";
    private static readonly Dictionary<string, string?> PublicBase = new() { ["Site:PublicBaseUrl"] = BaseUrl };
    private TestSite _site = null!;
    private TestSite _fixtures = null!;

    public async Task InitializeAsync()
    {
        _site = await TestSite.CreateAsync(postgres, settings: PublicBase);
        _fixtures = await TestSite.CreateAsync(postgres, FixturePaths.SecondSiteContent, settings: PublicBase);
    }

    public async Task DisposeAsync()
    {
        await _site.DisposeAsync();
        await _fixtures.DisposeAsync();
    }

    [Fact]
    public async Task The_article_head_has_title_description_canonical_and_link_preview_tags_from_the_configured_base()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Article);
        request.Headers.Host = "evil.example";
        var page = await SiteFactory.ParseAsync(await _site.CreateReader().SendAsync(request));

        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal(
            "FastAPI vs Django vs Flask (2026): Which Python Web Framework Should You Choose? | ComparisonSite",
            page.Title);
        Assert.StartsWith(
            "FastAPI, Django or Flask in 2026?",
            Meta(page, "name", "description"),
            StringComparison.Ordinal);
        Assert.Equal(BaseUrl + Article, page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal("article", Meta(page, "property", "og:type"));
        Assert.Equal(BaseUrl + Article, Meta(page, "property", "og:url"));
        Assert.Equal(BaseUrl + "/images/social/fastapi-vs-django-vs-flask.png", Meta(page, "property", "og:image"));
        Assert.Equal("2026-03-24T00:00:00+00:00", Meta(page, "property", "article:published_time"));
        Assert.NotNull(Meta(page, "property", "article:modified_time"));
        Assert.Equal("summary_large_image", Meta(page, "name", "twitter:card"));
        Assert.DoesNotContain("evil.example", page.DocumentElement.OuterHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Structured_data_describes_the_article_breadcrumbs_faq_and_dataset_from_the_page_data()
    {
        var page = await SiteFactory.ParseAsync(await _site.CreateReader().GetAsync(Article));
        var blocks = JsonLd(page);

        var article = blocks.Single(b => b.GetProperty("@type").GetString() == "Article");
        Assert.Equal(page.QuerySelector("h1")!.TextContent, article.GetProperty("headline").GetString());
        Assert.Equal("ComparisonSite Editors", article.GetProperty("author").GetProperty("name").GetString());
        Assert.Equal(
            BaseUrl + "/images/logo.png",
            article.GetProperty("publisher").GetProperty("logo").GetProperty("url").GetString());
        Assert.Equal(Meta(page, "property", "article:modified_time"), article.GetProperty("dateModified").GetString());

        var crumbs = blocks
            .Single(b => b.GetProperty("@type").GetString() == "BreadcrumbList")
            .GetProperty("itemListElement");
        Assert.Equal(
            [BaseUrl + "/", BaseUrl + Article],
            crumbs.EnumerateArray().Select(c => c.GetProperty("item").GetString()));

        var faq = blocks
            .Single(b => b.GetProperty("@type").GetString() == "FAQPage")
            .GetProperty("mainEntity")
            .EnumerateArray()
            .ToList();
        var questions = page.QuerySelectorAll("#faq h3").Select(h => h.TextContent).ToList();
        Assert.Equal(5, faq.Count);
        Assert.Equal(questions, faq.Select(q => q.GetProperty("name").GetString()));
        var firstAnswer = faq[0].GetProperty("acceptedAnswer").GetProperty("text").GetString()!;
        var firstAnswerOnPage = Normalize(page.QuerySelector("#faq h3")!.NextElementSibling!.TextContent);
        Assert.Equal(firstAnswerOnPage, Normalize(firstAnswer)[..firstAnswerOnPage.Length]);
        Assert.DoesNotContain("{{", firstAnswer, StringComparison.Ordinal);

        var dataset = blocks.Single(b => b.GetProperty("@type").GetString() == "Dataset");
        Assert.Equal("Bytepulse", dataset.GetProperty("creator").GetProperty("name").GetString());
        Assert.Equal("2026-02-01/2026-03-31", dataset.GetProperty("temporalCoverage").GetString());
        Assert.Contains(
            dataset.GetProperty("variableMeasured").EnumerateArray(),
            v => v.GetProperty("name").GetString() == "Requests per second"
                && v.GetProperty("unitText").GetString() == "req/s");
        Assert.Equal([BaseUrl + Article + "/results.csv", BaseUrl + Article + "/results.json"],
            dataset.GetProperty("distribution").EnumerateArray().Select(d => d.GetProperty("contentUrl").GetString()));
    }

    [Fact]
    public async Task Each_checked_claim_is_a_claim_review_with_the_fields_search_engines_require()
    {
        var page = await SiteFactory.ParseAsync(await _site.CreateReader().GetAsync(Article));
        var reviews = JsonLd(page).Where(b => b.GetProperty("@type").GetString() == "ClaimReview").ToList();
        var claims = page.QuerySelectorAll("#claim-check .claim")
            .Where(c => c.QuerySelector(".claim-verdict")!.TextContent != "Not measured here")
            .ToList();

        Assert.NotEmpty(reviews);
        Assert.Equal(claims.Count, reviews.Count);
        foreach (var (review, claim) in reviews.Zip(claims))
        {
            var verdict = claim.QuerySelector(".claim-verdict")!.TextContent;
            Assert.Equal(BaseUrl + Article + "#" + claim.Id, review.GetProperty("url").GetString());
            Assert.Equal(
                $"{verdict} {review.GetProperty("claimReviewed").GetString()}",
                claim.QuerySelector(".claim-says")!.TextContent);
            Assert.Equal("Bytepulse", review.GetProperty("itemReviewed").GetProperty("author").GetProperty("name")
                .GetString());
            Assert.Equal("ComparisonSite", review.GetProperty("author").GetProperty("name").GetString());
            Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", review.GetProperty("datePublished").GetString());
            var rating = review.GetProperty("reviewRating");
            Assert.Equal(verdict, rating.GetProperty("alternateName").GetString());
            Assert.InRange(
                rating.GetProperty("ratingValue").GetInt32(),
                rating.GetProperty("worstRating").GetInt32(),
                rating.GetProperty("bestRating").GetInt32());
        }
    }

    [Fact]
    public async Task Structured_data_and_head_tags_survive_any_character_in_content()
    {
        var page = await SiteFactory.ParseAsync(await _fixtures.CreateReader().GetAsync("/tricky-characters"));

        Assert.Empty(page.QuerySelectorAll("script:not([type]):not([src])"));
        var title = "Quotes \" & <brackets> </script><script>alert(1)</script>";
        Assert.Equal(title, page.QuerySelector("h1")!.TextContent);
        Assert.Equal(title, Meta(page, "property", "og:title"));
        var blocks = JsonLd(page);
        Assert.Equal(
            title,
            blocks.Single(b => b.GetProperty("@type").GetString() == "Article").GetProperty("headline").GetString());
        Assert.Equal(
            "Does </script> in a question break the page?",
            blocks
                .Single(b => b.GetProperty("@type").GetString() == "FAQPage")
                .GetProperty("mainEntity")[0]
                .GetProperty("name")
                .GetString());
        Assert.All(
            page.QuerySelectorAll("script[type='application/ld+json']"),
            s => Assert.DoesNotContain("</", s.InnerHtml, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Date_modified_follows_the_newest_change_of_the_cited_data()
    {
        var reader = _site.CreateReader();
        var before = Meta(
            await SiteFactory.ParseAsync(await reader.GetAsync(Article)),
            "property",
            "article:modified_time");
        await Task.Delay(1100);

        var store = _site.Get<ResultsStore>();
        // Changed figures: re-importing identical data leaves the dates alone (RunChangeDateTests).
        var seed = TestSnapshots.SeedDocument();
        seed = seed with { Results = [.. seed.Results.Select(r => r with { Value = r.Value + 1 })] };
        var outcome = await _site.Get<RunImporter>().ImportAsync(seed, CancellationToken.None);
        Assert.True(outcome.Succeeded);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        string? after;
        do
        {
            await Task.Delay(100);
            after = Meta(
                await SiteFactory.ParseAsync(await reader.GetAsync(Article)),
                "property",
                "article:modified_time");
        }
        while (after == before && DateTime.UtcNow < deadline);

        Assert.True(
            DateTimeOffset.Parse(after!, CultureInfo.InvariantCulture)
            > DateTimeOffset.Parse(before!, CultureInfo.InvariantCulture));
        var sitemap = XDocument.Parse(await reader.GetStringAsync("/sitemap.xml"));
        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var lastmod = sitemap
            .Descendants(ns + "url")
            .Single(u => u.Element(ns + "loc")!.Value == BaseUrl + Article)
            .Element(ns + "lastmod")!.Value;
        Assert.Equal(
            DateTimeOffset.Parse(after!, CultureInfo.InvariantCulture),
            DateTimeOffset.Parse(lastmod, CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Sitemap_robots_and_feed_list_published_pages_only()
    {
        var reader = _fixtures.CreateReader();

        var robots = await reader.GetStringAsync("/robots.txt");
        var sitemap = XDocument.Parse(await reader.GetStringAsync("/sitemap.xml"));
        var feed = XDocument.Parse(await reader.GetStringAsync("/feed.xml"));

        Assert.Contains($"Sitemap: {BaseUrl}/sitemap.xml", robots, StringComparison.Ordinal);
        XNamespace sm = "http://www.sitemaps.org/schemas/sitemap/0.9";
        // Each comparison is followed by its data page and its run pages (HistoryPages' tests check those).
        var locations = sitemap.Descendants(sm + "loc").Select(l => l.Value).ToList();
        Assert.Equal(
            [BaseUrl + "/", BaseUrl + "/tricky-characters", BaseUrl + "/postgresql-vs-sqlite"],
            locations.Where(l => !l.Contains("/runs/", StringComparison.Ordinal)
                && !l.EndsWith("/data", StringComparison.Ordinal)));
        Assert.Contains(BaseUrl + "/postgresql-vs-sqlite/data", locations);
        Assert.All(sitemap.Descendants(sm + "url"), u => Assert.NotNull(u.Element(sm + "lastmod")));
        XNamespace atom = "http://www.w3.org/2005/Atom";
        Assert.Equal(
            [BaseUrl + "/tricky-characters", BaseUrl + "/postgresql-vs-sqlite"],
            feed.Descendants(atom + "entry").Select(e => e.Element(atom + "id")!.Value));
    }

    [Fact]
    public async Task The_feed_has_an_entry_for_each_run_the_article_cites_beside_the_articles_own()
    {
        var feed = XDocument.Parse(await _site.CreateReader().GetStringAsync("/feed.xml"));
        var store = _site.Get<ResultsStore>().Current!;

        XNamespace atom = "http://www.w3.org/2005/Atom";
        var entries = feed.Root!.Elements(atom + "entry").ToList();
        Assert.Equal(BaseUrl + Article, entries[0].Element(atom + "id")!.Value);
        var runs = entries.Skip(1).ToList();
        Assert.Equal(
            ["measured-2026-12-07", "bytepulse-2026-03"],
            runs.Select(e => new Uri(e.Element(atom + "id")!.Value).AbsolutePath.Split('/')[^1]));
        foreach (var (entry, run) in runs.Zip(runs.Select(e =>
            store.RunsById[new Uri(e.Element(atom + "id")!.Value).AbsolutePath.Split('/')[^1]].Run)))
        {
            Assert.Equal(
                $"New benchmark data: {run.Info.Title} in FastAPI vs Django vs Flask (2026): Which Python Web "
                + "Framework Should You Choose?",
                entry.Element(atom + "title")!.Value);
            Assert.Equal($"{BaseUrl}{Article}/runs/{run.Id}", entry.Element(atom + "id")!.Value.Split('#')[0]);
            Assert.Equal(
                run.ChangedAt,
                DateTimeOffset.Parse(entry.Element(atom + "updated")!.Value, CultureInfo.InvariantCulture));
        }

        FreshnessTests.AssertValidAtom(feed);
    }

    [Theory]
    [InlineData("/sqlite-vs-postgresql", HttpStatusCode.MovedPermanently, "/postgresql-vs-sqlite")]
    [InlineData("/withdrawn-comparison", HttpStatusCode.Gone, null)]
    [InlineData("/draft-comparison", HttpStatusCode.NotFound, null)]
    [InlineData("/postgresql-vs-sqlite/", HttpStatusCode.MovedPermanently, "/postgresql-vs-sqlite")]
    public async Task Renamed_withdrawn_and_draft_comparisons_answer_the_right_status(
        string path,
        HttpStatusCode status,
        string? location)
    {
        using var response = await _fixtures.CreateReader().GetAsync(path);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(location, response.Headers.Location?.OriginalString);
        if (status == HttpStatusCode.Gone)
        {
            Assert.Equal(
                "This comparison has been withdrawn",
                (await SiteFactory.ParseAsync(response)).QuerySelector("h1")!.TextContent);
        }
    }

    [Theory]
    [InlineData("POST", Article)]
    [InlineData("PUT", "/")]
    [InlineData("DELETE", Article + "/results.csv")]
    [InlineData("PATCH", "/sitemap.xml")]
    public async Task Wrong_methods_answer_405_with_allow(string method, string path)
    {
        using var response = await _site.CreateReader().SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["GET", "HEAD"], response.Content.Headers.Allow);
    }

    [Theory]
    [InlineData(Article)]
    [InlineData("/")]
    [InlineData("/sitemap.xml")]
    [InlineData("/feed.xml")]
    [InlineData(Article + "/results.csv")]
    [InlineData(Article + "/results.json")]
    public async Task Head_is_supported_and_conditional_requests_answer_304(string path)
    {
        var reader = _site.CreateReader();
        using var head = await reader.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));
        using var first = await reader.GetAsync(path);
        var tag = first.Headers.ETag!;

        using var byTag = new HttpRequestMessage(HttpMethod.Get, path);
        byTag.Headers.IfNoneMatch.Add(tag);
        using var notModified = await reader.SendAsync(byTag);
        using var byDate = new HttpRequestMessage(HttpMethod.Get, path);
        byDate.Headers.IfModifiedSince = first.Content.Headers.LastModified;
        using var notModifiedSince = await reader.SendAsync(byDate);
        using var changed = new HttpRequestMessage(HttpMethod.Get, path);
        changed.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"something-else\""));
        using var modified = await reader.SendAsync(changed);

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        Assert.False(tag.IsWeak);
        Assert.Equal(tag, head.Headers.ETag);
        if (path != "/robots.txt" && path != "/")
        {
            Assert.NotNull(first.Content.Headers.LastModified);
            Assert.Equal(HttpStatusCode.NotModified, notModifiedSince.StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(HttpStatusCode.OK, modified.StatusCode);
        Assert.Contains("max-age", first.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task Pages_are_compressed_and_each_encoding_has_its_own_etag(string encoding)
    {
        var reader = _site.CreateReader();
        using var request = new HttpRequestMessage(HttpMethod.Get, Article);
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
        using var compressed = await reader.SendAsync(request);
        using var plain = await reader.GetAsync(Article);

        Assert.Equal([encoding], compressed.Content.Headers.ContentEncoding);
        Assert.Contains("Accept-Encoding", compressed.Headers.Vary);
        Assert.NotEqual(plain.Headers.ETag, compressed.Headers.ETag);
        Assert.True(
            (await compressed.Content.ReadAsByteArrayAsync()).Length
            < (await plain.Content.ReadAsByteArrayAsync()).Length / 2);
    }

    [Fact]
    public async Task Fingerprinted_static_files_are_cached_for_a_year()
    {
        var reader = _site.CreateReader();
        var page = await SiteFactory.ParseAsync(await reader.GetAsync(Article));
        var css = page.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!;

        using var response = await reader.GetAsync(css);

        Assert.Contains("?v=", css, StringComparison.Ordinal);
        Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl!.ToString());
    }

    [Fact]
    public async Task A_crawl_from_home_and_sitemap_finds_every_link_resolving_and_every_page_unique()
    {
        var reader = _site.CreateReader();
        XNamespace sm = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var sitemap = XDocument.Parse(await reader.GetStringAsync("/sitemap.xml"));
        var sitemapPaths = sitemap.Descendants(sm + "loc").Select(l => new Uri(l.Value).AbsolutePath);
        var queue = new Queue<string>(["/", .. sitemapPaths]);
        var pages = new Dictionary<string, IHtmlDocument>(StringComparer.Ordinal);
        var links = new List<(string From, string Href)>();
        while (queue.TryDequeue(out var path))
        {
            if (pages.ContainsKey(path))
            {
                continue;
            }

            using var response = await reader.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} answered {(int)response.StatusCode}");
            if (response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                pages[path] = null!;
                continue;
            }

            var page = await SiteFactory.ParseAsync(response);
            pages[path] = page;
            foreach (var href in page.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!))
            {
                links.Add((path, href));
                if (href.StartsWith('/') && !href.StartsWith("//", StringComparison.Ordinal))
                {
                    queue.Enqueue(href.Split('#')[0]);
                }
            }
        }

        foreach (var (from, href) in links.Where(l => l.Href.Contains('#', StringComparison.Ordinal)))
        {
            var target = href.StartsWith('#') ? from : href.Split('#')[0];
            var id = href.Split('#')[1];
            Assert.True(
                id.Length == 0 || pages[target]?.GetElementById(id) is not null,
                $"{from} links to {href}, which has no element with id '{id}'");
        }

        // Pages that send search engines elsewhere (a figure's embed page names its article as canonical) or keep out
        // of search need not be unique; every page that stands for itself must be.
        var htmlPages = pages
            .Where(p => p.Value is not null && Meta(p.Value, "name", "robots") != "noindex")
            .Where(p => new Uri(p.Value.QuerySelector("link[rel=canonical]")!.GetAttribute("href")!).AbsolutePath
                == p.Key)
            .ToList();
        Assert.True(htmlPages.Count >= 2);
        Assert.Equal(htmlPages.Count, htmlPages.Select(p => p.Value.Title).Distinct().Count());
        Assert.Equal(htmlPages.Count, htmlPages.Select(p => Meta(p.Value, "name", "description")).Distinct().Count());
        Assert.Equal(
            htmlPages.Count,
            htmlPages
                .Select(p => p.Value.QuerySelector("link[rel=canonical]")!.GetAttribute("href"))
                .Distinct()
                .Count());
        Assert.All(htmlPages, p => Assert.All(JsonLd(p.Value), block =>
        {
            Assert.Equal("https://schema.org", block.GetProperty("@context").GetString());
            Assert.True(block.TryGetProperty("@type", out _));
        }));
    }

    private static string? Meta(IHtmlDocument page, string attribute, string name) =>
        page.QuerySelector($"meta[{attribute}='{name}']")?.GetAttribute("content");

    private static List<JsonElement> JsonLd(IHtmlDocument page) =>
        [
            .. page
                .QuerySelectorAll("script[type='application/ld+json']")
                .Select(s => JsonDocument.Parse(s.TextContent).RootElement)
        ];

    private static string Normalize(string text) =>
        string.Join(' ', text.Split((char[])[' ', '\n', '\u00a0'], StringSplitOptions.RemoveEmptyEntries));
}
