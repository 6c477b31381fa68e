namespace ComparisonSite.Tests.Commands;

/// <summary>The <c>new</c> verb: a scaffold that passes <c>check --strict</c> at once, and each refusal.</summary>
public sealed class NewCommandTests(PostgresFixture postgres) : IDisposable, IClassFixture<PostgresFixture>
{
    private readonly string _content = Directory.CreateTempSubdirectory("comparisonsite-new-").FullName;

    [Fact]
    public async Task A_new_comparison_passes_a_strict_check_as_written()
    {
        var database = await postgres.CreateDatabaseAsync();

        var created = await SiteProcess.RunVerbAsync(database,
            "new", "litestar-vs-fastapi", "--title", "Litestar vs FastAPI: \"which one?\"",
            "--frameworks", "fastapi,flask", "--suite", "python-web-frameworks", "--content", _content);
        var check = await SiteProcess.RunVerbAsync(database, "check", "--strict", "--content", _content);

        Assert.Equal(0, created.ExitCode);
        Assert.Contains("litestar-vs-fastapi/ (index.md, 01-verdict.md, 02-performance.md, 03-methodology.md, "
            + "04-sources.md), a draft.", created.Output, StringComparison.Ordinal);
        Assert.Equal(
            ["01-verdict.md", "02-performance.md", "03-methodology.md", "04-sources.md", "index.md"],
            Directory.GetFiles(Path.Combine(_content, "litestar-vs-fastapi")).Select(Path.GetFileName).Order());
        var performance =
            await File.ReadAllTextAsync(Path.Combine(_content, "litestar-vs-fastapi", "02-performance.md"));
        // A measurement both frameworks have in the suite's latest run, written as references of each kind.
        Assert.Matches(@"\{\{value fastapi [a-z0-9-]+ [a-z0-9-]+\}\}, \{\{value flask ", performance);
        Assert.Matches(@"\{\{ratio fastapi flask [a-z0-9-]+ [a-z0-9-]+\}\}", performance);
        Assert.Matches(@"\{\{table [a-z0-9-]+:[a-z0-9-]+\}\}", performance);
        Assert.Matches(@"\{\{chart [a-z0-9-]+:[a-z0-9-]+\}\}", performance);
        Assert.Equal("1 comparisons checked: 0 errors, 0 warnings (strict: warnings count as errors).",
            check.Output.Trim());
        Assert.Equal(0, check.ExitCode);
    }

    public static TheoryData<string[], string> Refusals => new()
    {
        { ["Bad_Slug", "--frameworks", "fastapi", "--suite", "python-web-frameworks"],
            "error: 'Bad_Slug' is not a valid slug (lower-case letters, digits and hyphens, at most 100 characters). "
            + "Nothing written." },
        // The site's own top-level pages: the loader would refuse the scaffold, so it is never written.
        { ["tags", "--frameworks", "fastapi", "--suite", "python-web-frameworks"],
            "error: slug 'tags' is taken by the tag pages (/tags); choose another slug. Nothing written." },
        { ["search", "--frameworks", "fastapi", "--suite", "python-web-frameworks"],
            "error: slug 'search' is taken by the search page (/search); choose another slug. Nothing written." },
        { ["taken", "--frameworks", "fastapi", "--suite", "python-web-frameworks"],
            "error: {content}/taken already exists; edit it there, or choose another slug. Nothing written." },
        { ["fresh", "--frameworks", "fastapi,rails", "--suite", "python-web-frameworks"],
            "error: unknown framework 'rails' (known: django, django-asgi, fastapi, flask). Nothing written." },
        { ["fresh", "--frameworks", "fastapi", "--suite", "ruby-web-frameworks"],
            "error: unknown suite 'ruby-web-frameworks': the results store has no run of it "
            + "(known: python-web-frameworks). Nothing written." },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_refusal_says_why_exits_non_zero_and_writes_nothing(string[] arguments, string message)
    {
        Directory.CreateDirectory(Path.Combine(_content, "taken"));
        var before = Directory.GetFileSystemEntries(_content, "*", SearchOption.AllDirectories);

        var result = await SiteProcess.RunVerbAsync(await postgres.CreateDatabaseAsync(),
            ["new", .. arguments, "--title", "A title", "--content", _content]);

        var shown = Path.GetRelativePath(SiteRoot.Locate(null).Path, _content).Replace('\\', '/');
        Assert.Equal(message.Replace("{content}", shown, StringComparison.Ordinal), result.Error.Trim());
        Assert.Equal(1, result.ExitCode);
        Assert.Equal(before, Directory.GetFileSystemEntries(_content, "*", SearchOption.AllDirectories));
    }

    public void Dispose() => Directory.Delete(_content, recursive: true);
}
