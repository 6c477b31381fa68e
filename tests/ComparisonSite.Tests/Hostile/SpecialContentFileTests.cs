using ComparisonSite.Content;

namespace ComparisonSite.Tests.Hostile;

/// <summary>
/// Only regular files inside the content root are read, and never past the size limit: a FIFO, a device, or a
/// symbolic link out of content/ is an error naming the file, found without opening it, and the rest of the
/// content loads within a bounded time. Real files: a FIFO made by mkfifo, links made by the file system.
/// </summary>
public sealed class SpecialContentFileTests : IDisposable
{
    private const string Slug = "fastapi-vs-django-vs-flask";

    // A load that reads a FIFO blocks in open(); one that reads /dev/zero never ends. Either fails this bound.
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(15);

    private readonly ComparisonLoader _loader = new(new ContentOptions());
    private readonly DirectoryInfo _scratch = Directory.CreateTempSubdirectory("comparisonsite-special-");

    public SpecialContentFileTests()
    {
        Root = Path.Combine(_scratch.FullName, "content");
        Outside = Directory.CreateDirectory(Path.Combine(_scratch.FullName, "outside")).FullName;
        CopyComparison(Path.Combine(Root, Slug));
    }

    private string Root { get; }

    private string Outside { get; }

    private string Comparison => Path.Combine(Root, Slug);

    [Fact]
    public async Task A_section_linked_to_dev_zero_is_refused_without_being_read()
    {
        File.CreateSymbolicLink(Path.Combine(Comparison, "11-zero.md"), "/dev/zero");

        var result = await LoadAsync(Comparison);

        Assert.Contains(
            $"{Slug}/11-zero.md:0: error: the file is a device, not a regular file; it was not opened",
            result.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public async Task A_fifo_named_like_a_section_is_refused_without_being_opened()
    {
        await MakeFifoAsync(Path.Combine(Comparison, "11-pipe.md"));

        var result = await LoadAsync(Comparison);

        Assert.Equal(
            $"{Slug}/11-pipe.md:0: error: the file is a named pipe (FIFO), not a regular file; it was not opened",
            Assert.Single(result.Diagnostics).ToString());
    }

    [Fact]
    public async Task A_fifo_as_the_index_is_refused_without_being_opened()
    {
        var folder = Directory.CreateDirectory(Path.Combine(Root, "piped")).FullName;
        await MakeFifoAsync(Path.Combine(folder, "index.md"));

        var result = await LoadAsync(folder);

        Assert.Null(result.Article);
        Assert.Equal(
            "piped/index.md:0: error: the file is a named pipe (FIFO), not a regular file; it was not opened",
            Assert.Single(result.Diagnostics).ToString());
    }

    [Fact]
    public async Task A_section_linked_to_a_file_outside_the_content_folder_is_not_published()
    {
        var secret = Path.Combine(Outside, "secret.md");
        await File.WriteAllTextAsync(secret, "---\ntitle: Secret\norder: 99\n---\nNot for readers.\n");
        File.CreateSymbolicLink(Path.Combine(Comparison, "11-secret.md"), secret);

        var result = await LoadAsync(Comparison);

        Assert.Null(result.Article);
        Assert.Equal(
            $"{Slug}/11-secret.md:0: error: the file is a symbolic link to a place outside the content folder; "
                + "only files inside it are read",
            Assert.Single(result.Diagnostics).ToString());
    }

    [Fact]
    public async Task A_comparison_folder_linked_to_a_folder_outside_the_content_folder_is_refused()
    {
        CopyComparison(Path.Combine(Outside, "elsewhere"));
        var linked = Path.Combine(Root, "linked");
        Directory.CreateSymbolicLink(linked, Path.Combine(Outside, "elsewhere"));

        var result = await LoadAsync(linked);

        Assert.Null(result.Article);
        Assert.Equal(
            "linked:0: error: the folder is a symbolic link to a place outside the content folder; "
                + "only files inside it are read",
            Assert.Single(result.Diagnostics).ToString());
    }

    [Fact]
    public async Task Links_that_stay_inside_the_content_folder_are_followed_and_a_linked_root_is_read()
    {
        var shared = Directory.CreateDirectory(Path.Combine(Root, "_shared")).FullName;
        await File.WriteAllTextAsync(Path.Combine(shared, "about.md"), "---\ntitle: About us\norder: 99\n---\nHi.\n");
        File.CreateSymbolicLink(Path.Combine(Comparison, "11-about.md"), Path.Combine("..", "_shared", "about.md"));
        var linkedRoot = Path.Combine(_scratch.FullName, "current");
        Directory.CreateSymbolicLink(linkedRoot, Root);

        var result = await LoadAsync(Path.Combine(linkedRoot, Slug), linkedRoot);

        Assert.Empty(result.Diagnostics);
        Assert.Contains("About us", result.Article!.Sections.Select(s => s.Title));
    }

    public void Dispose() => _scratch.Delete(recursive: true);

    private async Task<ComparisonLoadResult> LoadAsync(string folder, string? root = null)
    {
        // Task.Run: a blocking open() would otherwise block the test itself before the bound applies.
        using var cancel = new CancellationTokenSource(Bound);
        var token = cancel.Token;
        return await Task.Run(() => _loader.LoadAsync(root ?? Root, folder, token), token).WaitAsync(Bound);
    }

    private static void CopyComparison(string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(SiteFactory.RepositoryContent, Slug)))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }
    }

    internal static async Task MakeFifoAsync(string path)
    {
        var made = await ToolProcess.RunAsync("/usr/bin/mkfifo", [path], timeout: TimeSpan.FromSeconds(10));
        Assert.True(made.ExitCode == 0, made.Error);
    }
}
