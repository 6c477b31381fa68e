using ComparisonSite.Search;
using ComparisonSite.Tests.Front;

namespace ComparisonSite.Tests.Search;

/// <summary>
/// A search matching more comparisons than a page lists: the index keeps only the best as it scores them, so
/// these check that what it keeps is exactly the head of the full ranking, whatever order it met them in.
/// </summary>
public sealed class ManyResultsSearchTests(PostgresFixture postgres)
    : IAsyncLifetime, IDisposable, IClassFixture<PostgresFixture>
{
    private const int Copies = 60;
    private const int WithTheWordInTheTitle = 10;
    private const string Original = "lonely-databases";
    private readonly FrontSiteContent _content = new();
    private TestSite _site = null!;

    public async Task InitializeAsync()
    {
        // Copies of the lonely comparison, each with its own slug and title; the last ten have "quagga" in the
        // title, and every one in its text.
        var source = Path.Combine(_content.Folder, Original);
        var index = await File.ReadAllTextAsync(Path.Combine(source, "index.md"));
        var notes = await File.ReadAllTextAsync(Path.Combine(source, "01-notes.md"));
        for (var i = 1; i <= Copies; i++)
        {
            var folder = Directory.CreateDirectory(Path.Combine(_content.Folder, Slug(i))).FullName;
            var title = i > Copies - WithTheWordInTheTitle ? $"Copy {i:00}: a quagga" : $"Copy {i:00}: alone";
            await File.WriteAllTextAsync(Path.Combine(folder, "index.md"), index
                .Replace("slug: " + Original, "slug: " + Slug(i), StringComparison.Ordinal)
                .Replace("title: \"A lonely database comparison\"", $"title: \"{title}\"", StringComparison.Ordinal));
            await File.WriteAllTextAsync(
                Path.Combine(folder, "01-notes.md"), notes + "\n\nA quagga grazes here.\n");
        }

        _site = await TestSite.CreateAsync(postgres, _content.Folder);
    }

    public async Task DisposeAsync() => await _site.DisposeAsync();

    public void Dispose() => _content.Dispose();

    private static string Slug(int i) => $"lonely-copy-{i:00}";

    private async Task<List<string>> SlugsFoundAsync(string query)
    {
        var page = await SiteFactory.ParseAsync(await _site.CreateReader().GetAsync("/search?q=" + query));
        return [.. page.QuerySelectorAll(".search-result h2 a")
            .Select(a => a.GetAttribute("href")!.TrimStart('/').Split('#')[0])];
    }

    [Fact]
    public async Task Equal_hits_past_the_page_are_cut_by_title()
    {
        // Every copy has the word once in its text and nowhere else: the first fifty titles.
        var expected = Enumerable.Range(1, SearchIndex.MaximumResults).Select(Slug);

        Assert.Equal(expected, await SlugsFoundAsync("grazes"));
    }

    [Fact]
    public async Task Better_hits_met_late_displace_the_worst_kept()
    {
        // The ten copies with the word in the title come first, then the other copies by title, up to a page.
        var expected = Enumerable.Range(Copies - WithTheWordInTheTitle + 1, WithTheWordInTheTitle)
            .Concat(Enumerable.Range(1, Copies - WithTheWordInTheTitle))
            .Select(Slug)
            .Take(SearchIndex.MaximumResults);

        Assert.Equal(expected, await SlugsFoundAsync("quagga"));
    }
}
