using ComparisonSite.Caching;
using ComparisonSite.Content;
using ComparisonSite.Results.Store;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ComparisonSite.Tests.Caching;

/// <summary>
/// The change detector over the real content library and results store, in the order a fast store gives at start:
/// the results load first, then the content. The first look after both has loaded is a baseline; the first edit
/// after it is a change, handed to every listener.
/// </summary>
public sealed class PageChangesTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    [Fact]
    public async Task When_the_results_load_before_the_content_the_first_edit_is_still_published()
    {
        await using var store = await StoreHarness.CreateAsync(await postgres.CreateSeededDatabaseAsync());
        var content = FixturePaths.CopyToTemp(FixturePaths.SecondSiteContent);
        try
        {
            using var library = new ContentLibrary(
                Options.Create(new ContentOptions { Path = content }),
                SiteRoot.Locate(null),
                NullLogger<ContentLibrary>.Instance);
            var results = store.Get<ResultsStore>();
            var heard = new Heard();
            var versions = new PageVersions(library, results, TimeProvider.System);
            var changes = new PageChanges(library, results, versions, [heard], NullLogger<PageChanges>.Instance);
            await changes.StartAsync(CancellationToken.None);

            await results.ReloadAsync(CancellationToken.None);
            await library.ReloadAsync(CancellationToken.None);
            Assert.Empty(heard.Changes);

            var index = Path.Combine(content, "postgresql-vs-sqlite", "index.md");
            var original = await File.ReadAllTextAsync(index);
            await File.WriteAllTextAsync(index, original.Replace("small web apps", "tiny web apps"));
            await library.ReloadAsync(CancellationToken.None);
            await changes.StopAsync(CancellationToken.None);

            var change = Assert.Single(heard.Changes);
            Assert.Equal("content", change.Cause);
            Assert.Equal(["postgresql-vs-sqlite"], change.Comparisons);
            // The version its pages show now, which the page cache keeps pages of when it evicts the rest.
            Assert.Equal(
                versions.ForComparison(library.Current.Comparisons["postgresql-vs-sqlite"]),
                Assert.Single(change.Versions, v => v.Key == "postgresql-vs-sqlite").Value);
        }
        finally
        {
            Directory.Delete(content, recursive: true);
        }
    }

    private sealed class Heard : IPageChangeListener
    {
        public List<PageChange> Changes { get; } = [];

        public void OnPagesChanged(PageChange change) => Changes.Add(change);
    }
}
