using ComparisonSite.Content;

namespace ComparisonSite.Tests.Hostile;

/// <summary>
/// The whole site over content holding a FIFO, a link to /dev/zero and a link out of content/: it starts and
/// serves the sound comparison within a bounded time, reports each special file as an error naming it, and a
/// FIFO saved later does not stall the reload.
/// </summary>
public sealed class SpecialContentSiteTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Special_files_are_errors_and_the_rest_of_the_site_loads_within_a_bounded_time()
    {
        await using var site = await TestSite.CreateAsync(postgres, editable: true);
        var outside = Directory.CreateTempSubdirectory("comparisonsite-outside-");
        try
        {
            Directory.CreateDirectory(Path.Combine(site.Content, "piped"));
            await SpecialContentFileTests.MakeFifoAsync(Path.Combine(site.Content, "piped", "index.md"));
            Directory.CreateDirectory(Path.Combine(site.Content, "zero"));
            File.CreateSymbolicLink(Path.Combine(site.Content, "zero", "index.md"), "/dev/zero");
            var secret = Path.Combine(outside.FullName, "index.md");
            await File.WriteAllTextAsync(secret, "---\ntitle: Secret\n---\nNot for readers.\n");
            Directory.CreateDirectory(Path.Combine(site.Content, "leak"));
            File.CreateSymbolicLink(Path.Combine(site.Content, "leak", "index.md"), secret);

            using var response = await site.CreateReader().GetAsync("/fastapi-vs-django-vs-flask").WaitAsync(Bound);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var errors = site.Get<ContentLibrary>().Current.Diagnostics.Select(d => d.ToString()).ToList();
            Assert.Contains(
                "piped/index.md:0: error: the file is a named pipe (FIFO), not a regular file; it was not opened",
                errors);
            Assert.Contains(
                "zero/index.md:0: error: the file is a device, not a regular file; it was not opened", errors);
            Assert.Contains(
                "leak/index.md:0: error: the file is a symbolic link to a place outside the content folder; "
                    + "only files inside it are read",
                errors);
            using var leak = await site.CreateReader().GetAsync("/leak").WaitAsync(Bound);
            Assert.Equal(HttpStatusCode.NotFound, leak.StatusCode);

            Directory.CreateDirectory(Path.Combine(site.Content, "later"));
            await SpecialContentFileTests.MakeFifoAsync(Path.Combine(site.Content, "later", "index.md"));
            await site.Get<ContentLibrary>().ReloadAsync(CancellationToken.None).WaitAsync(Bound);

            Assert.Contains(
                "later/index.md:0: error: the file is a named pipe (FIFO), not a regular file; it was not opened",
                site.Get<ContentLibrary>().Current.Diagnostics.Select(d => d.ToString()));
            Assert.Contains("fastapi-vs-django-vs-flask", site.Get<ContentLibrary>().Current.Comparisons.Keys);
        }
        finally
        {
            outside.Delete(recursive: true);
        }
    }
}
