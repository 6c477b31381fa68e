using System.Globalization;
using System.Text;
using System.Xml;
using ComparisonSite.Articles;
using ComparisonSite.Caching;
using ComparisonSite.Content;
using ComparisonSite.Results.Store;
using ComparisonSite.Runs;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace ComparisonSite.Seo;

/// <summary>/sitemap.xml, /robots.txt and /feed.xml (Atom), listing published comparisons only.</summary>
internal static class SeoEndpoints
{
    public static IEndpointRouteBuilder MapSeoEndpoints(this IEndpointRouteBuilder endpoints)
    {
        string[] readMethods = [HttpMethods.Get, HttpMethods.Head];
        endpoints.MapMethods("/robots.txt", readMethods, (SiteUrls urls) =>
            TypedResults.Text(
                $"User-agent: *\nAllow: /\n\nSitemap: {urls.Absolute("/sitemap.xml")}\n",
                "text/plain; charset=utf-8"))
            .CachePage();
        endpoints.MapMethods("/sitemap.xml", readMethods,
            (HttpContext http, ContentLibrary library, ResultsStore results, SiteUrls urls,
                IOptions<SiteOptions> site) =>
            {
                var dated = Dated(library, results);
                var sitemap = SitemapFiles(dated, urls, results.Current, site.Value.SitemapUrlsPerFile);
                return Xml(
                    http,
                    dated,
                    (writer, _) =>
                    {
                        if (sitemap.Count == 1)
                        {
                            UrlSet(writer, sitemap[0]);
                        }
                        else
                        {
                            SitemapIndex(writer, sitemap, urls);
                        }
                    },
                    lastModified: HistoryChangedAt(library, results.Current));
            })
            .CachePage();
        endpoints.MapMethods("/sitemaps/{number:int}.xml", readMethods,
            Results<NotFound, ContentHttpResult> (HttpContext http, int number, ContentLibrary library,
                ResultsStore results, SiteUrls urls, IOptions<SiteOptions> site) =>
            {
                var dated = Dated(library, results);
                var sitemap = SitemapFiles(dated, urls, results.Current, site.Value.SitemapUrlsPerFile);
                if (sitemap.Count == 1 || number < 1 || number > sitemap.Count
                    || http.Request.Path.Value != SitemapFile(number))
                {
                    // Files exist only while /sitemap.xml is an index; it then names each one.
                    return TypedResults.NotFound();
                }

                var file = sitemap[number - 1];
                return Xml(http, dated, (writer, _) => UrlSet(writer, file),
                    lastModified: file.Max(u => u.Modified));
            })
            .CachePage();
        endpoints.MapMethods("/feed.xml", readMethods, (HttpContext http, ContentLibrary library, ResultsStore results,
                SiteUrls urls, IOptions<SiteOptions> site, ILoggerFactory loggers) =>
            Xml(
                http,
                Dated(library, results),
                (writer, entries) => Feed(
                    writer, entries, DataEntries(library, results), urls, site.Value.Name,
                    loggers.CreateLogger(FeedLog)),
                "application/atom+xml; charset=utf-8"))
            .CachePage();
        return endpoints;
    }

    private sealed record DatedArticle(ComparisonArticle Article, DateTimeOffset Modified);

    private static List<DatedArticle> Dated(ContentLibrary library, ResultsStore results) =>
        [.. library.Published
            .Select(a => new DatedArticle(
                a, ArticlePage.ModifiedAt(a.Meta, ArticleRuns.DataChangedAt(a, results.Current))))
            .OrderByDescending(d => d.Modified)
            .ThenBy(d => d.Article.Slug, StringComparer.Ordinal)];

    /// <summary>A run an article cites, as of its last data change: one feed entry each.</summary>
    private sealed record DataEntry(ComparisonArticle Article, StoredRun Run);

    private static List<DataEntry> DataEntries(ContentLibrary library, ResultsStore results) =>
        results.Current is not { } snapshot
            ? []
            : [.. library.Published.SelectMany(a =>
                ArticleRuns.Shown(a, snapshot).Select(r => new DataEntry(a, r.Run)))];

    private static ContentHttpResult Xml(
        HttpContext http,
        List<DatedArticle> entries,
        Action<XmlWriter, List<DatedArticle>> write,
        string contentType = "application/xml; charset=utf-8",
        DateTimeOffset? lastModified = null)
    {
        if (entries.Count > 0)
        {
            var modified = entries.Max(e => e.Modified);
            http.Response.GetTypedHeaders().LastModified =
                lastModified is { } later && later > modified ? later : modified;
        }

        var text = new StringBuilder();
        using (var writer = XmlWriter.Create(text, new XmlWriterSettings { Indent = true, Encoding = Encoding.UTF8 }))
        {
            write(writer, entries);
        }

        // XmlWriter declares utf-16 when writing to a string; the response is UTF-8.
        var xml = text.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal);
        return TypedResults.Text(xml, contentType, Encoding.UTF8);
    }

    /// <summary>When a run of any published comparison's suites last changed or was removed.</summary>
    private static DateTimeOffset? HistoryChangedAt(ContentLibrary library, ResultsSnapshot? snapshot) =>
        snapshot is null ? null : library.Published.Select(a => ArticleRuns.HistoryChangedAt(a, snapshot)).Max();

    private sealed record SitemapUrl(string Location, DateTimeOffset? Modified);

    private static string SitemapFile(int number) =>
        string.Create(CultureInfo.InvariantCulture, $"/sitemaps/{number}.xml");

    /// <summary>
    /// Every URL of the sitemap in files of at most <paramref name="perFile"/> (the protocol allows 50,000): one
    /// file, which /sitemap.xml is itself, or several, which it then names as a sitemap index.
    /// </summary>
    private static IReadOnlyList<IReadOnlyList<SitemapUrl>> SitemapFiles(
        List<DatedArticle> dated, SiteUrls urls, ResultsSnapshot? snapshot, int perFile)
    {
        var all = SitemapUrls(dated, urls, snapshot);
        return all.Count <= perFile ? [all] : [.. all.Chunk(perFile)];
    }

    /// <summary>
    /// Home, then each comparison with its data page, every run page (each dated by its run's data) and each run
    /// against the one before of its origin; then the tag pages.
    /// </summary>
    private static List<SitemapUrl> SitemapUrls(List<DatedArticle> entries, SiteUrls urls, ResultsSnapshot? snapshot)
    {
        List<SitemapUrl> all = [new(urls.Absolute("/"), entries.Count > 0 ? entries.Max(e => e.Modified) : null)];
        foreach (var entry in entries)
        {
            var slug = entry.Article.Slug;
            all.Add(new(urls.Comparison(slug), entry.Modified));
            if (snapshot is null)
            {
                continue;
            }

            // A suite with no runs yet: the data page says so, and is as new as the article.
            var history = ArticleRuns.HistoryChangedAt(entry.Article, snapshot) ?? entry.Modified;
            all.Add(new(urls.Absolute(SiteAddresses.Data(slug)), history));
            foreach (var run in ArticleRuns.All(entry.Article, snapshot))
            {
                all.Add(new(urls.Absolute(SiteAddresses.Run(slug, run.Run.Id)), run.Run.ChangedAt));
            }

            // Only each run against the one before of its origin: every other pair is a reader's pick.
            foreach (var pair in RunPairs.Consecutive(snapshot, entry.Article.Meta.Suite))
            {
                var path = SiteAddresses.RunDifference(slug, pair.Earlier.Run.Id, pair.Later.Run.Id);
                all.Add(new(urls.Absolute(path), pair.ChangedAt));
            }
        }

        all.AddRange(TagUrls(entries, urls));
        return all;
    }

    private const string SitemapNamespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

    private static void UrlSet(XmlWriter writer, IReadOnlyList<SitemapUrl> file)
    {
        writer.WriteStartElement("urlset", SitemapNamespace);
        foreach (var url in file)
        {
            Url(writer, SitemapNamespace, url.Location, url.Modified);
        }

        writer.WriteEndElement();
    }

    /// <summary>The sitemap index: each file, dated by the newest URL it lists.</summary>
    private static void SitemapIndex(XmlWriter writer, IReadOnlyList<IReadOnlyList<SitemapUrl>> files, SiteUrls urls)
    {
        writer.WriteStartElement("sitemapindex", SitemapNamespace);
        for (var i = 0; i < files.Count; i++)
        {
            writer.WriteStartElement("sitemap", SitemapNamespace);
            writer.WriteElementString("loc", SitemapNamespace, urls.Absolute(SitemapFile(i + 1)));
            if (files[i].Max(u => u.Modified) is { } lastmod)
            {
                writer.WriteElementString("lastmod", SitemapNamespace, SiteDates.Iso(lastmod));
            }

            writer.WriteEndElement();
        }

        writer.WriteEndElement();
    }

    /// <summary>/tags, then each tag's page, as new as the newest comparison it lists.</summary>
    private static IEnumerable<SitemapUrl> TagUrls(List<DatedArticle> entries, SiteUrls urls)
    {
        var tagged = entries
            .SelectMany(e => e.Article.Meta.Tags.Select(t => (t.Slug, e.Modified)))
            .GroupBy(t => t.Slug, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToList();
        if (tagged.Count == 0)
        {
            yield break;
        }

        yield return new(urls.Absolute(SiteAddresses.Tags), tagged.SelectMany(g => g).Max(t => t.Modified));
        foreach (var tag in tagged)
        {
            yield return new(urls.Absolute(SiteAddresses.Tag(tag.Key)), tag.Max(t => t.Modified));
        }
    }

    private static void Url(XmlWriter writer, string ns, string location, DateTimeOffset? modified)
    {
        writer.WriteStartElement("url", ns);
        writer.WriteElementString("loc", ns, location);
        if (modified is { } lastmod)
        {
            writer.WriteElementString("lastmod", ns, SiteDates.Iso(lastmod));
        }

        writer.WriteEndElement();
    }

    private const string FeedLog = "ComparisonSite.Seo.Feed";

    private static void Feed(
        XmlWriter writer,
        List<DatedArticle> entries,
        List<DataEntry> data,
        SiteUrls urls,
        string siteName,
        ILogger logger)
    {
        const string ns = "http://www.w3.org/2005/Atom";
        writer.WriteStartElement("feed", ns);
        writer.WriteElementString("title", ns, siteName);
        writer.WriteElementString("subtitle", ns, "Technology comparisons backed by benchmark data");
        writer.WriteElementString("id", ns, urls.Absolute("/"));
        var updated = entries.Count > 0 ? entries.Max(e => e.Modified) : DateTimeOffset.UnixEpoch;
        writer.WriteElementString("updated", ns, SiteDates.Iso(updated));
        Link(writer, ns, "self", urls.Absolute("/feed.xml"));
        Link(writer, ns, "alternate", urls.Absolute("/"));
        writer.WriteStartElement("author", ns);
        writer.WriteElementString("name", ns, siteName);
        writer.WriteEndElement();
        // Newest first across both kinds; at equal times the article's own entry comes first.
        var items = entries
            .Select(e => (At: e.Modified, Write: (Action)(() => ArticleEntry(writer, ns, e, urls, logger))))
            .Concat(data.Select(d => (At: d.Run.ChangedAt, Write: (Action)(() => RunEntry(writer, ns, d, urls)))))
            .OrderByDescending(i => i.At);
        foreach (var item in items)
        {
            item.Write();
        }

        writer.WriteEndElement();
    }

    private static void ArticleEntry(XmlWriter writer, string ns, DatedArticle entry, SiteUrls urls, ILogger logger)
    {
        var (article, modified) = entry;
        // The loader refuses characters XML cannot carry; should one still arrive, it costs that text a
        // character, not every reader the whole feed.
        var text = FeedText(article, logger);
        writer.WriteStartElement("entry", ns);
        writer.WriteElementString("title", ns, text.Title);
        writer.WriteElementString("id", ns, urls.Comparison(article.Slug));
        Link(writer, ns, "alternate", urls.Comparison(article.Slug));
        var published = new DateTimeOffset(article.Meta.Published.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        writer.WriteElementString("published", ns, SiteDates.Iso(published));
        writer.WriteElementString("updated", ns, SiteDates.Iso(modified));
        writer.WriteStartElement("author", ns);
        writer.WriteElementString("name", ns, text.Author);
        writer.WriteEndElement();
        writer.WriteElementString("summary", ns, text.Summary);
        writer.WriteEndElement();
    }

    /// <summary>
    /// "New benchmark data" for a run an article cites. Its id names the article, the run and the moment the run's
    /// data last changed, so re-importing identical data repeats no entry and a replaced run gets a new one.
    /// </summary>
    private static void RunEntry(XmlWriter writer, string ns, DataEntry entry, SiteUrls urls)
    {
        var (article, run) = entry;
        var info = run.Info;
        var runPage = urls.Absolute(SiteAddresses.Run(article.Slug, run.Id));
        var changed = run.ChangedAt.ToUniversalTime()
            .ToString("yyyyMMdd'T'HHmmss.fffffff'Z'", CultureInfo.InvariantCulture);
        var origin = run.IsReported ? $"reported by {info.Source}" : $"our own measurements ({info.Source})";
        writer.WriteStartElement("entry", ns);
        writer.WriteElementString(
            "title", ns, XmlCharacters.Replace($"New benchmark data: {info.Title} in {article.Meta.Title}"));
        writer.WriteElementString("id", ns, $"{runPage}#changed-{changed}");
        Link(writer, ns, "alternate", urls.Absolute(SiteAddresses.InArticle(article.Slug, DataUpdates.Anchor)));
        Link(writer, ns, "related", runPage);
        writer.WriteElementString("updated", ns, SiteDates.Iso(run.ChangedAt));
        writer.WriteElementString(
            "summary",
            ns,
            XmlCharacters.Replace(
                $"{info.Title} ({origin}, run dated "
                + $"{SiteDates.Iso(info.Date)}, id {run.Id}) is the data "
                + $"{article.Meta.Title} cites, as of {SiteDates.Iso(run.ChangedAt)}."));
        writer.WriteEndElement();
    }

    private sealed record EntryText(string Title, string Author, string Summary);

    private static EntryText FeedText(ComparisonArticle article, ILogger logger)
    {
        var meta = article.Meta;
        var text = new EntryText(
            XmlCharacters.Replace(meta.Title),
            XmlCharacters.Replace(meta.Author),
            XmlCharacters.Replace(meta.Description));
        if (text != new EntryText(meta.Title, meta.Author, meta.Description))
        {
            logger.LogWarning(
                "The feed entry for {Slug} had characters XML cannot carry; each became U+FFFD", article.Slug);
        }

        return text;
    }

    private static void Link(XmlWriter writer, string ns, string rel, string href)
    {
        writer.WriteStartElement("link", ns);
        writer.WriteAttributeString("rel", rel);
        writer.WriteAttributeString("href", href);
        writer.WriteEndElement();
    }
}
