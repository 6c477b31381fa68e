using System.Xml.Linq;
using AngleSharp.Dom;
using ComparisonSite.Results.Store;

namespace ComparisonSite.Tests.Site;

/// <summary>
/// Freshness the reader can see (issue #16), on the real site over a fresh store: the dated notice near the top
/// when data is older than the article allows or a pinned run is overtaken, the "Data updates" block, and the feed
/// entry an import of a cited run adds.
/// </summary>
public sealed class FreshnessTests(PostgresFixture postgres)
    : SiteTestBase(postgres, FixturePaths.FreshnessSiteContent)
{
    private static readonly string Rerun = Path.Combine(FixturePaths.Root, "imports", "second-run.json");
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    [Fact]
    public async Task Data_older_than_the_article_allows_shows_a_dated_notice_above_the_short_answer()
    {
        var reader = Site.CreateReader();
        var stale = await SiteFactory.ParseAsync(await reader.GetAsync("/stale-figures"));
        var fresh = await SiteFactory.ParseAsync(await reader.GetAsync("/fresh-figures"));

        var notice = stale.QuerySelector("article > #freshness")!;
        Assert.Equal("note", notice.GetAttribute("role"));
        Assert.Equal(
            ["The figures below from Bytepulse's run “Bytepulse 30-day production benchmark” date from March 31, "
                + "2026, older than the 180 days this comparison allows; they are the newest reported figures we "
                + "have, until a newer run is imported."],
            notice.QuerySelectorAll("p").Select(p => p.TextContent));
        Assert.Equal("summary", notice.NextElementSibling!.Id);
        Assert.Null(fresh.QuerySelector("#freshness"));
    }

    [Fact]
    public async Task A_pinned_run_gets_a_notice_once_a_newer_run_of_its_origin_is_imported()
    {
        var reader = Site.CreateReader();
        var before = await SiteFactory.ParseAsync(await reader.GetAsync("/current-pin"));

        await ImportAsync(Rerun, "rerun-2026-06");
        var after = await SiteFactory.ParseAsync(await reader.GetAsync("/current-pin"));

        Assert.Null(before.QuerySelector("#freshness"));
        Assert.Equal(
            "A newer run (rerun-2026-06, December 8, 2026) exists than the one cited in Speed "
            + "(measured-2026-12-07, December 7, 2026); those figures stay as cited.",
            after.QuerySelector("#freshness p")!.TextContent);
        Assert.Empty(after.QuerySelectorAll(".figure-missing"));
    }

    [Fact]
    public async Task Data_updates_list_the_cited_runs_with_their_dates_and_link_each_run_page()
    {
        var reader = Site.CreateReader();
        var stale = await SiteFactory.ParseAsync(await reader.GetAsync("/stale-figures"));
        var fresh = await SiteFactory.ParseAsync(await reader.GetAsync("/fresh-figures"));
        var store = Site.Get<ResultsStore>().Current!;

        // With a methodology section the block closes it, under an h3.
        var closing = stale.QuerySelector("#methodology > section.data-updates:last-child")!;
        Assert.Equal("Data updates", closing.QuerySelector("h3#data-updates-title")!.TextContent);
        Assert.Equal("data-updates-title", closing.GetAttribute("aria-labelledby"));
        var seed = store.RunsById["bytepulse-2026-03"].Run;
        var item = Assert.Single(closing.QuerySelectorAll("li"));
        Assert.Equal("/stale-figures/runs/bytepulse-2026-03", item.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("Bytepulse 30-day production benchmark", item.QuerySelector("a")!.TextContent);
        Assert.Equal(
            ["2026-03-31", Iso(seed.ImportedAt), "2026-03-31T00:00:00Z"],
            item.QuerySelectorAll("time").Select(t => t.GetAttribute("datetime")));
        Assert.Contains("reported by Bytepulse", Normalize(item.TextContent), StringComparison.Ordinal);

        // Without one it stands under the header as a section of its own; newest data change first.
        var standing = fresh.QuerySelector("article > section.data-updates")!;
        Assert.Equal("Data updates", standing.QuerySelector("h2")!.TextContent);
        Assert.Equal(
            ["/fresh-figures/runs/measured-2026-12-07", "/fresh-figures/runs/bytepulse-2026-03"],
            standing.QuerySelectorAll("li > a").Select(a => a.GetAttribute("href")));
        Assert.Contains(
            "our own measurements, ComparisonSite",
            Normalize(standing.QuerySelector("li")!.TextContent),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Importing_a_cited_run_adds_a_feed_entry_whose_id_holds_until_its_data_changes()
    {
        var reader = Site.CreateReader();
        var before = XDocument.Parse(await reader.GetStringAsync("/feed.xml"));

        await ImportAsync(Rerun, "rerun-2026-06");
        var after = XDocument.Parse(await reader.GetStringAsync("/feed.xml"));
        var snapshot = Site.Get<ResultsStore>().Current!;
        var run = snapshot.RunsById["rerun-2026-06"].Run;
        var reimport = await SiteProcess.RunVerbAsync(Site.Database, "import", Rerun);
        Assert.Equal(0, reimport.ExitCode);
        // A new snapshot, not a later import time: times are whole seconds, and both imports may share one.
        await Eventually.TrueAsync(() => !ReferenceEquals(Site.Get<ResultsStore>().Current, snapshot));
        var again = XDocument.Parse(await reader.GetStringAsync("/feed.xml"));

        Assert.DoesNotContain(Titles(before), t => t.Contains("Re-run on the same hardware", StringComparison.Ordinal));
        var entry = Assert.Single(
            after.Root!.Elements(Atom + "entry"),
            e => e.Element(Atom + "title")!.Value.Contains("Re-run", StringComparison.Ordinal));
        Assert.Equal(
            "New benchmark data: Re-run on the same hardware in Fresh figures", entry.Element(Atom + "title")!.Value);
        var id = entry.Element(Atom + "id")!.Value;
        Assert.EndsWith(
            "/fresh-figures/runs/rerun-2026-06#changed-"
            + run.ChangedAt.ToUniversalTime().ToString("yyyyMMdd'T'HHmmss.fffffff'Z'", CultureInfo.InvariantCulture),
            id,
            StringComparison.Ordinal);
        Assert.Equal(Iso(run.ChangedAt), entry.Element(Atom + "updated")!.Value);
        Assert.EndsWith(
            "/fresh-figures#data-updates",
            entry.Elements(Atom + "link").Single(l => (string?)l.Attribute("rel") == "alternate")
                .Attribute("href")!.Value,
            StringComparison.Ordinal);
        Assert.EndsWith(
            "/fresh-figures/runs/rerun-2026-06",
            entry.Elements(Atom + "link").Single(l => (string?)l.Attribute("rel") == "related")
                .Attribute("href")!.Value,
            StringComparison.Ordinal);

        // Only the article that reads the measured runs by origin cites it; an identical re-import repeats nothing.
        Assert.DoesNotContain(Titles(after), t => t.Contains("Re-run", StringComparison.Ordinal)
            && !t.EndsWith("in Fresh figures", StringComparison.Ordinal));
        Assert.Equal(Ids(after), Ids(again));
        AssertValidAtom(after);
    }

    /// <summary>What RFC 4287 asks of every entry: one id, one title, one updated, and an alternate link.</summary>
    internal static void AssertValidAtom(XDocument feed)
    {
        Assert.Equal(Atom + "feed", feed.Root!.Name);
        var entries = feed.Root.Elements(Atom + "entry").ToList();
        Assert.NotEmpty(entries);
        Assert.All(entries, e =>
        {
            Assert.Single(e.Elements(Atom + "id"));
            Assert.True(Uri.IsWellFormedUriString(e.Element(Atom + "id")!.Value, UriKind.Absolute));
            Assert.Single(e.Elements(Atom + "title"));
            Assert.Single(e.Elements(Atom + "updated"));
            DateTimeOffset.Parse(e.Element(Atom + "updated")!.Value, CultureInfo.InvariantCulture);
            Assert.Single(e.Elements(Atom + "link"), l => (string?)l.Attribute("rel") == "alternate");
        });
        Assert.Equal(entries.Count, Ids(feed).Distinct().Count());
        var updated = entries.Select(e => DateTimeOffset.Parse(e.Element(Atom + "updated")!.Value,
            CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(updated.OrderByDescending(u => u), updated);
    }

    private async Task ImportAsync(string file, string runId)
    {
        var import = await SiteProcess.RunVerbAsync(Site.Database, "import", file);
        Assert.Equal(0, import.ExitCode);
        var store = Site.Get<ResultsStore>();
        await Eventually.TrueAsync(() => store.Current!.RunsById.ContainsKey(runId));
    }

    private static List<string> Titles(XDocument feed) =>
        [.. feed.Root!.Elements(Atom + "entry").Select(e => e.Element(Atom + "title")!.Value)];

    private static List<string> Ids(XDocument feed) =>
        [.. feed.Root!.Elements(Atom + "entry").Select(e => e.Element(Atom + "id")!.Value)];

    private static string Iso(DateTimeOffset at) =>
        at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Normalize(string text) =>
        string.Join(' ', text.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries));
}
