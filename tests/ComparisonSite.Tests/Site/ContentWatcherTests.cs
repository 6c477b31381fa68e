using ComparisonSite.Content;

namespace ComparisonSite.Tests.Site;

/// <summary>
/// Deploys replace content/ wholesale (delete and copy, or a rename swap); the site keeps following edits
/// afterwards, and readiness says so while it cannot.
/// </summary>
public sealed class ContentWatcherTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    private const string Slug = "postgresql-vs-sqlite";
    private const string Title = "PostgreSQL vs SQLite for small web apps";
    private static readonly string SecondSite = FixturePaths.SecondSiteContent;
    // A bound on the wait, not a speed target (the reload's latency is bench/ material): beside five other classes
    // on two busy cores, an edit after a rename swap once took over 5 s to show.
    private static readonly TimeSpan Promptly = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task After_content_is_deleted_and_copied_back_a_later_edit_shows_and_readiness_reported_the_gap()
    {
        await using var site = await TestSite.CreateAsync(postgres, SecondSite, editable: true);
        var reader = site.CreateReader();
        Assert.Equal(Title, await TitleAsync(reader));
        Assert.Equal("Healthy", (await ContentReadinessAsync(reader)).Status);

        Directory.Delete(site.Content, recursive: true);
        await Eventually.TrueAsync(async () => (await ContentReadinessAsync(reader)).Status == "Degraded", Promptly);
        var gap = await ContentReadinessAsync(reader);
        Assert.Contains("not watching", gap.Description, StringComparison.Ordinal);
        Assert.Equal(Title, await TitleAsync(reader));

        CopyFolder(SecondSite, site.Content);
        await Eventually.TrueAsync(async () => (await ContentReadinessAsync(reader)).Status == "Healthy", Promptly);
        await EditTitleAsync(site.Content, "for small web apps", "for tiny web apps");

        await Eventually.TrueAsync(
            async () => await TitleAsync(reader) == "PostgreSQL vs SQLite for tiny web apps", Promptly);
    }

    [Fact]
    public async Task After_a_rename_swap_of_content_later_edits_show()
    {
        await using var site = await TestSite.CreateAsync(postgres, SecondSite, editable: true);
        var reader = site.CreateReader();
        Assert.Equal(Title, await TitleAsync(reader));
        var old = site.Content + ".old";
        var next = site.Content + ".new";
        CopyFolder(SecondSite, next);
        try
        {
            Directory.Move(site.Content, old);
            Directory.Move(next, site.Content);
            await EditTitleAsync(site.Content, "for small web apps", "for tiny web apps");

            await Eventually.TrueAsync(
                async () => await TitleAsync(reader) == "PostgreSQL vs SQLite for tiny web apps", Promptly);
            await EditTitleAsync(site.Content, "for tiny web apps", "for tiny web apps, again");
            await Eventually.TrueAsync(
                async () => await TitleAsync(reader) == "PostgreSQL vs SQLite for tiny web apps, again", Promptly);
            Assert.Equal("Healthy", (await ContentReadinessAsync(reader)).Status);
        }
        finally
        {
            Directory.Delete(old, recursive: true);
        }
    }

    [Fact]
    public async Task A_change_that_no_file_event_reports_is_caught_by_the_rescan()
    {
        var settings = new Dictionary<string, string?> { ["Content:RescanSeconds"] = "1" };
        await using var site = await TestSite.CreateAsync(postgres, SecondSite, settings: settings, editable: true);
        var reader = site.CreateReader();
        Assert.Equal(Title, await TitleAsync(reader));

        site.Get<ContentWatcher>().IgnoreFileEvents();
        await EditTitleAsync(site.Content, "for small web apps", "for tiny web apps");

        await Eventually.TrueAsync(
            async () => await TitleAsync(reader) == "PostgreSQL vs SQLite for tiny web apps", Promptly);
    }

    private static async Task EditTitleAsync(string content, string from, string to)
    {
        var index = Path.Combine(content, Slug, "index.md");
        var text = await File.ReadAllTextAsync(index);
        await File.WriteAllTextAsync(index, text.Replace(from, to, StringComparison.Ordinal));
    }

    private static void CopyFolder(string source, string target)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
    }

    private static async Task<string?> TitleAsync(HttpClient reader) =>
        (await SiteFactory.ParseAsync(await reader.GetAsync("/" + Slug))).QuerySelector("h1")?.TextContent;

    private static async Task<(string? Status, string Description)> ContentReadinessAsync(HttpClient reader)
    {
        using var response = await reader.GetAsync("/healthz/ready");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var check = json.RootElement.GetProperty("checks").GetProperty("content");
        return (check.GetProperty("status").GetString(), check.GetProperty("description").GetString() ?? "");
    }
}
