namespace ComparisonSite.Tests.Site;

/// <summary>Editors save a file and see it on the next reload; a broken save never takes the page down.</summary>
[Collection(SerialTests.Name)]
public sealed class ContentReloadTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    private static readonly string SecondSite = FixturePaths.SecondSiteContent;

    [Fact]
    public async Task A_saved_edit_shows_without_a_restart_and_a_broken_save_keeps_the_last_good_version()
    {
        await using var site = await TestSite.CreateAsync(postgres, SecondSite, "Development", editable: true);
        var reader = site.CreateReader();
        var index = Path.Combine(site.Content, "postgresql-vs-sqlite", "index.md");
        Assert.Equal("PostgreSQL vs SQLite for small web apps", await TitleAsync(reader));

        var original = await File.ReadAllTextAsync(index);
        await File.WriteAllTextAsync(
            index,
            original.Replace("for small web apps", "for tiny web apps", StringComparison.Ordinal));
        await Eventually.TrueAsync(async () => await TitleAsync(reader) == "PostgreSQL vs SQLite for tiny web apps");

        await File.WriteAllTextAsync(
            index,
            original.Replace("slug: postgresql-vs-sqlite", "slug: [unclosed", StringComparison.Ordinal));
        await Eventually.TrueAsync(async () =>
            (await SiteFactory.ParseAsync(await reader.GetAsync("/"))).QuerySelector("#content-problems") is not null);

        using var response = await reader.GetAsync("/postgresql-vs-sqlite");
        var page = await SiteFactory.ParseAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("PostgreSQL vs SQLite for tiny web apps", page.QuerySelector("h1")!.TextContent);
        var problem = Assert.Single(page.QuerySelectorAll("#content-problems li"));
        Assert.StartsWith(
            "postgresql-vs-sqlite/index.md:4",
            problem.QuerySelector("code")!.TextContent,
            StringComparison.Ordinal);

        await File.WriteAllTextAsync(index, original);
        await Eventually.TrueAsync(async () => await TitleAsync(reader) == "PostgreSQL vs SQLite for small web apps");
    }

    [Fact]
    public async Task The_problem_panel_is_never_shown_in_production()
    {
        await using var site = await TestSite.CreateAsync(postgres, SecondSite, editable: true);
        File.WriteAllText(Path.Combine(site.Content, "postgresql-vs-sqlite", "03-broken.md"), "no front matter");

        using var response = await site.CreateReader().GetAsync("/postgresql-vs-sqlite");
        var page = await SiteFactory.ParseAsync(response);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null(page.QuerySelector("#content-problems"));
    }

    [Fact]
    public async Task A_save_written_in_two_parts_400_ms_apart_is_never_served_half_written()
    {
        await using var site = await TestSite.CreateAsync(postgres, SecondSite, editable: true);
        var reader = site.CreateReader();
        var index = Path.Combine(site.Content, "postgresql-vs-sqlite", "index.md");
        var original = await File.ReadAllTextAsync(index);
        // The first part is a whole, valid article on its own: only the missing second part shows the cut.
        var firstPart = original.Replace("for small web apps", "for tiny web apps", StringComparison.Ordinal);
        const string secondPart = "\n\nThe second half of the save.\n";
        Assert.Equal("PostgreSQL vs SQLite for small web apps", await TitleAsync(reader));

        using var polling = new CancellationTokenSource();
        var served = PollAsync(reader, polling.Token);
        await using (var file = new FileStream(index, FileMode.Truncate, FileAccess.Write, FileShare.ReadWrite))
        {
            await file.WriteAsync(Encoding.UTF8.GetBytes(firstPart));
            await file.FlushAsync();
            await Task.Delay(400);
            await file.WriteAsync(Encoding.UTF8.GetBytes(secondPart));
        }

        await Eventually.TrueAsync(
            async () => (await BodyAsync(reader)).Contains("The second half", StringComparison.Ordinal));
        await polling.CancelAsync();
        var versions = await served;
        Assert.NotEmpty(versions);
        Assert.DoesNotContain(versions, v => v.Title == "PostgreSQL vs SQLite for tiny web apps" && !v.Whole);
    }

    [Fact]
    public async Task An_atomic_save_shows_within_a_second()
    {
        await using var site = await TestSite.CreateAsync(postgres, SecondSite, editable: true);
        var reader = site.CreateReader();
        var index = Path.Combine(site.Content, "postgresql-vs-sqlite", "index.md");
        var original = await File.ReadAllTextAsync(index);
        Assert.Equal("PostgreSQL vs SQLite for small web apps", await TitleAsync(reader));

        var temporary = index + ".tmp";
        var edited = original.Replace("for small web apps", "for tiny web apps", StringComparison.Ordinal);
        await File.WriteAllTextAsync(temporary, edited);
        var clock = Stopwatch.StartNew();
        File.Move(temporary, index, overwrite: true);
        await Eventually.TrueAsync(async () => await TitleAsync(reader) == "PostgreSQL vs SQLite for tiny web apps");

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"the save took {clock.ElapsedMilliseconds} ms to show");
    }

    private static async Task<List<(string? Title, bool Whole)>> PollAsync(HttpClient reader, CancellationToken stop)
    {
        var versions = new List<(string? Title, bool Whole)>();
        while (!stop.IsCancellationRequested)
        {
            using var response = await reader.GetAsync("/postgresql-vs-sqlite", CancellationToken.None);
            var page = await SiteFactory.ParseAsync(response);
            var whole = (page.Body?.TextContent ?? "").Contains("The second half", StringComparison.Ordinal);
            versions.Add((page.QuerySelector("h1")?.TextContent, whole));
            await Task.Delay(10, CancellationToken.None);
        }

        return versions;
    }

    private static async Task<string> BodyAsync(HttpClient reader) =>
        (await SiteFactory.ParseAsync(await reader.GetAsync("/postgresql-vs-sqlite"))).Body?.TextContent ?? "";

    private static async Task<string?> TitleAsync(HttpClient reader) =>
        (await SiteFactory.ParseAsync(await reader.GetAsync("/postgresql-vs-sqlite"))).QuerySelector("h1")?.TextContent;
}
