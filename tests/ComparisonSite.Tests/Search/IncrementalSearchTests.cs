using ComparisonSite.Articles;
using ComparisonSite.Caching;
using ComparisonSite.Content;
using ComparisonSite.Results.Store;
using ComparisonSite.Search;
using ComparisonSite.Tests.Front;
using Microsoft.Extensions.Logging.Abstractions;

namespace ComparisonSite.Tests.Search;

/// <summary>
/// The search index after saves: a save indexes the comparison it changed, in a segment of its own, and the rest
/// stay as they were; a deleted comparison leaves the results; segments merge as they pile up; and whatever the
/// history, the index answers every query exactly as one made afresh from the same content.
/// </summary>
public sealed class IncrementalSearchTests(PostgresFixture postgres)
    : IAsyncLifetime, IDisposable, IClassFixture<PostgresFixture>
{
    private static readonly TimeSpan Promptly = TimeSpan.FromSeconds(15);

    // Words, a prefix, a phrase, a term with punctuation and two terms at once: every way a term is matched.
    private static readonly string[] Queries =
        ["fastapi", "flask", "frame", "\"web framework\"", "gin chi", "req/s", "the", "zebracorn", "routers"];

    private readonly FrontSiteContent _content = new();
    private TestSite _site = null!;
    private HttpClient _reader = null!;

    public async Task InitializeAsync()
    {
        _site = await TestSite.CreateAsync(postgres, _content.Folder);
        _reader = _site.CreateReader();
        // The search page waits for the whole content; the index read directly below does not.
        await _reader.GetStringAsync("/search?q=fastapi");
    }

    public async Task DisposeAsync() => await _site.DisposeAsync();

    public void Dispose() => _content.Dispose();

    private SiteSearch Search => _site.Get<SiteSearch>();

    [Fact]
    public async Task A_save_indexes_the_changed_comparison_alone_and_its_new_words_are_found()
    {
        var before = Answers(Search.Index);
        var first = Assert.Single(Search.Index.Segments);
        Assert.Equal(5, first.Live.Count(live => live));

        await AppendAsync("lonely-databases", "01-notes.md", "A zebracorn stands in this section now.");

        var after = Search.Index;
        Assert.Equal(2, after.Segments.Count);
        Assert.Same(first.Segment, after.Segments[0].Segment);
        Assert.Equal(4, after.Segments[0].Live.Count(live => live));
        var added = Assert.Single(after.Segments[1].Segment.Comparisons);
        Assert.Equal("lonely-databases", added.Article.Slug);
        Assert.Equal("/lonely-databases#notes", Assert.Single(after.Find(SearchQuery.Parse("zebracorn"))).Href);
        Assert.Equal(before["fastapi"], Answers(after)["fastapi"]);
        AssertAnswersAsFresh(after);
    }

    [Fact]
    public async Task After_a_save_the_index_is_made_without_waiting_for_a_search()
    {
        var index = Search.Index;
        var builds = Search.BuildCount;

        await AppendAsync("lonely-databases", "01-notes.md", "A quagga grazes in this section now.");

        // No search from here on: the warmer makes the next index on its own, and the search finds it ready.
        await Eventually.TrueAsync(() => Search.BuildCount > builds, Promptly);
        Assert.NotSame(index, Search.Index);
        var made = Search.BuildCount;
        var page = await _reader.GetStringAsync("/search?q=quagga");
        Assert.Contains("/lonely-databases#notes", page, StringComparison.Ordinal);
        Assert.Equal(made, Search.BuildCount);
    }

    [Fact]
    public async Task A_deleted_comparison_is_no_longer_found()
    {
        Assert.Contains(Search.Find(SearchQuery.Parse("gin")), r => r.Slug == "go-routers");

        Directory.Delete(Path.Combine(_content.Folder, "go-routers"), recursive: true);
        await Eventually.TrueAsync(() => !Library.Current.Comparisons.ContainsKey("go-routers"), Promptly);

        Assert.DoesNotContain(Search.Find(SearchQuery.Parse("gin")), r => r.Slug == "go-routers");
        AssertAnswersAsFresh(Search.Index);
    }

    [Fact]
    public async Task Saves_in_turn_leave_one_live_entry_per_comparison_and_the_index_answers_as_a_fresh_one()
    {
        _ = Search.Index;
        for (var save = 0; save < 5; save++)
        {
            var folder = save % 2 == 0 ? "go-routers" : "fastapi-vs-flask";
            await AppendAsync(folder, "01-notes.md", $"Saved line number {save}, a zebracorn{save}.");
            _ = Search.Index;
        }

        var index = Search.Index;
        // The first segment, and one for each of the two comparisons' latest saves: the earlier ones went.
        Assert.Equal(3, index.Segments.Count);
        var live = index.Segments.SelectMany(s => s.Segment.Comparisons.Where((_, c) => s.Live[c])).ToList();
        Assert.Equal(5, live.Select(c => c.Article.Slug).Distinct().Count());
        Assert.Equal(5, live.Count);
        Assert.Equal(["/go-routers#notes"], index.Find(SearchQuery.Parse("zebracorn4")).Select(r => r.Href));
        Assert.Equal(["/fastapi-vs-flask#notes"], index.Find(SearchQuery.Parse("zebracorn3")).Select(r => r.Href));
        AssertAnswersAsFresh(index);
    }

    [Fact]
    public void Merged_segments_answer_as_the_live_comparisons_of_the_segments_they_were_made_from()
    {
        var articles = Library.Published.OrderBy(a => a.Slug, StringComparer.Ordinal).ToList();
        var parts = new List<(IndexSegment Segment, bool[] Live)>
        {
            (Segment(articles[..2]), [true, false]),
            (Segment(articles[2..]), [true, false, true]),
        };

        var merged = IndexSegment.Merge(parts);

        Assert.Equal(
            [articles[0].Slug, articles[2].Slug, articles[4].Slug],
            merged.Comparisons.Select(c => c.Article.Slug));
        Assert.Equal(parts.Sum(p => p.Segment.Sections.Count) - SectionsOf(articles[1]) - SectionsOf(articles[3]),
            merged.Sections.Count);
        Assert.Equal(
            Answers(new SearchIndex(parts)),
            Answers(new SearchIndex([(merged, [true, true, true])])));
        Assert.Equal(
            Answers(new SearchIndex([(Segment([articles[0], articles[2], articles[4]]), [true, true, true])])),
            Answers(new SearchIndex([(merged, [true, true, true])])));

        static int SectionsOf(ComparisonArticle article) => article.Sections.Count + 1;
    }

    private IndexSegment Segment(IEnumerable<ComparisonArticle> articles)
    {
        var renderer = _site.Get<ArticlePageRenderer>();
        var snapshot = _site.Get<ResultsStore>().Current;
        return IndexSegment.Build(
            articles.Select(a => new IndexSegment.Item(a, "test")),
            a => renderer.Text(a, snapshot),
            FoldedText.Of(SearchIndex.SummaryHeading),
            FoldedText.Of);
    }

    private ContentLibrary Library => _site.Get<ContentLibrary>();

    // The site's index answers every query as an index made in one piece from the same snapshots does.
    private void AssertAnswersAsFresh(SearchIndex index)
    {
        var fresh = new SiteSearch(
            Library,
            _site.Get<ResultsStore>(),
            _site.Get<ArticlePageRenderer>(),
            _site.Get<PageVersions>(),
            NullLogger<SiteSearch>.Instance);
        Assert.Single(fresh.Index.Segments);
        Assert.Equal(Answers(fresh.Index), Answers(index));
    }

    private static Dictionary<string, string> Answers(SearchIndex index) => Queries.ToDictionary(
        q => q,
        q => string.Join("\n", index.Find(SearchQuery.Parse(q)).Select(r => string.Join(" | ",
            r.Href,
            Text(r.ComparisonTitle),
            Text(r.SectionTitle),
            Text(r.Snippet),
            string.Join(", ", r.AlsoIn.Select(s => s.Href))))));

    private static string Text(HighlightedText text) =>
        string.Concat(text.Pieces.Select(p => p.Match ? $"[{p.Text}]" : p.Text));

    // Appends a line to a section file and waits until the comparison's page shows it (the content reloaded).
    private async Task AppendAsync(string folder, string file, string line)
    {
        await File.AppendAllTextAsync(Path.Combine(_content.Folder, folder, file), "\n" + line + "\n");
        await Eventually.TrueAsync(
            async () => (await _reader.GetStringAsync("/" + folder)).Contains(line, StringComparison.Ordinal),
            Promptly);
    }
}
