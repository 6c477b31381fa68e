namespace ComparisonSite.Tests.Hostile;

/// <summary>
/// <c>import</c> and <c>import --dry-run</c> read files by the rule content files keep: a FIFO or a device (here
/// through a link to /dev/zero) is refused by name without being opened, a link that leaves the folder the file is
/// named from is refused, and no problem quotes what a file holds. The executable is run as an editor or a CI job
/// runs it; real FIFOs and links, made by the file system.
/// </summary>
[LongRunning(seconds: 60)]
public sealed class SpecialImportFileTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>, IDisposable
{
    // A verb's start and its store take a few seconds; a FIFO opened blocks for ever and /dev/zero read grows
    // without end (3 GB in 14 s), so either fails this bound.
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(45);

    private static readonly string[] CsvRun =
        ["--suite", "python-web-frameworks", "--run-id", "hostile", "--title", "T", "--date", "2026-07-01",
            "--source", "Fixture"];

    // What /etc/shadow starts with: a file a CI job may read but must never print.
    private const string ShadowLine =
        "root:$6$Zx8pQ2rT$Kq0oWm3nS8yR1vB5cL7dF9gH2jK4lM6nP8qR0sT2uV4wX6yZ:19750:0:99999:7:::";

    private readonly DirectoryInfo _scratch = Directory.CreateTempSubdirectory("comparisonsite-special-import-");

    public static TheoryData<string, bool> Kinds => new()
    {
        { ".json", false },
        { ".csv", false },
        { ".json", true },
        { ".csv", true },
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_file_linked_to_dev_zero_is_refused_without_being_read(string extension, bool dryRun)
    {
        var file = Path.Combine(_scratch.FullName, "zero" + extension);
        File.CreateSymbolicLink(file, "/dev/zero");

        var import = await ImportAsync(file, extension, dryRun);

        Assert.Equal(1, import.ExitCode);
        Assert.Equal(
            [$"zero{extension}: file: the file is a device, not a regular file; it was not opened",
                $"zero{extension}: not imported: 1 problem"],
            import.Error.Trim().Split('\n'));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_fifo_is_refused_without_being_opened(string extension, bool dryRun)
    {
        var file = Path.Combine(_scratch.FullName, "pipe" + extension);
        await SpecialContentFileTests.MakeFifoAsync(file);

        var import = await ImportAsync(file, extension, dryRun);

        Assert.Equal(1, import.ExitCode);
        Assert.Equal(
            [$"pipe{extension}: file: the file is a named pipe (FIFO), not a regular file; it was not opened",
                $"pipe{extension}: not imported: 1 problem"],
            import.Error.Trim().Split('\n'));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_link_to_a_secret_outside_its_folder_is_refused_and_the_secret_is_not_printed(
        string extension, bool dryRun)
    {
        var secret = Path.Combine(Directory.CreateDirectory(Path.Combine(_scratch.FullName, "etc")).FullName, "shadow");
        await File.WriteAllTextAsync(secret, ShadowLine + "\n");
        var results = Directory.CreateDirectory(Path.Combine(_scratch.FullName, "results")).FullName;
        var file = Path.Combine(results, "contributed" + extension);
        File.CreateSymbolicLink(file, secret);

        var import = await ImportAsync(file, extension, dryRun);

        Assert.Equal(1, import.ExitCode);
        Assert.Equal(
            [$"contributed{extension}: file: the file is a symbolic link to a place outside the folder it is named "
                + "from; give the path of the file itself",
                $"contributed{extension}: not imported: 1 problem"],
            import.Error.Trim().Split('\n'));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_problem_in_a_file_that_holds_a_secret_names_its_line_but_never_quotes_it(
        string extension, bool dryRun)
    {
        // A link in the file's own folder is followed (a "latest" link to a dated run); what it leads to here is a
        // secret, which the problems must locate without printing.
        var secret = Path.Combine(_scratch.FullName, "credentials");
        await File.WriteAllTextAsync(secret, extension == ".json"
            ? "{\n  \"suite\": \"" + ShadowLine + "\",\n  \"run\": {\"id\": \"" + ShadowLine + "\"}\n}\n"
            : ShadowLine + "\n" + ShadowLine + "\n");
        var file = Path.Combine(_scratch.FullName, "latest" + extension);
        File.CreateSymbolicLink(file, "credentials");

        var import = await ImportAsync(file, extension, dryRun);

        Assert.Equal(1, import.ExitCode);
        // The first problem's line and field: the suite's line of the document, the CSV file's header.
        var first = extension == ".json"
            ? "latest.json:2: $.suite: expected a slug"
            : "latest.csv:1: expected the header";
        Assert.StartsWith(first, import.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("root", import.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("$6$", import.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Zx8pQ2rT", import.Error + import.Output, StringComparison.Ordinal);
    }

    public void Dispose() => _scratch.Delete(recursive: true);

    private async Task<ProcessResult> ImportAsync(string file, string extension, bool dryRun)
    {
        string[] arguments =
            ["import", file, .. dryRun ? ["--dry-run"] : Array.Empty<string>(), .. extension == ".csv" ? CsvRun : []];
        var start = SiteProcess.StartInfo(
            arguments,
            new Dictionary<string, string> { ["ConnectionStrings__Results"] = await postgres.CreateDatabaseAsync() });
        return await ToolProcess.RunAsync(start, Bound);
    }
}
