using ComparisonSite.Content;

namespace ComparisonSite.Tests.Content;

/// <summary>The cheap "did anything change" check behind the rescan and the settled-save check.</summary>
public sealed class ContentFingerprintTests : IDisposable
{
    private readonly string _root = FixturePaths.CopyToTemp(FixturePaths.SecondSiteContent);

    [Fact]
    public void Is_equal_for_an_untouched_folder_and_ignores_hidden_files()
    {
        var before = ContentFingerprint.Take(_root);
        File.WriteAllText(Path.Combine(_root, "postgresql-vs-sqlite", ".index.md.swp"), "editor state");

        Assert.Equal(before, ContentFingerprint.Take(_root));
    }

    [Fact]
    public void Changes_with_a_file_s_size_its_last_write_time_or_a_new_file()
    {
        var index = Path.Combine(_root, "postgresql-vs-sqlite", "index.md");
        var before = ContentFingerprint.Take(_root);

        File.SetLastWriteTimeUtc(index, File.GetLastWriteTimeUtc(index).AddSeconds(-5));
        var touched = ContentFingerprint.Take(_root);
        File.AppendAllText(index, "\nmore");
        var grown = ContentFingerprint.Take(_root);
        File.WriteAllText(Path.Combine(_root, "postgresql-vs-sqlite", "03-new.md"), "new");

        Assert.NotEqual(before, touched);
        Assert.NotEqual(touched, grown);
        Assert.NotEqual(grown, ContentFingerprint.Take(_root));
    }

    [Fact]
    public void A_missing_folder_is_stable_and_differs_from_never_loaded_and_from_an_empty_folder()
    {
        var missing = Path.Combine(_root, "nowhere");
        var empty = Directory.CreateDirectory(Path.Combine(_root, "_empty")).FullName;

        Assert.Equal(ContentFingerprint.Take(missing), ContentFingerprint.Take(missing));
        Assert.NotEqual(ContentFingerprint.None, ContentFingerprint.Take(missing));
        Assert.NotEqual(ContentFingerprint.Take(empty), ContentFingerprint.Take(missing));
    }

    [Fact]
    public void A_retake_walks_the_named_folders_and_any_that_came_or_went_and_keeps_the_others_stamps()
    {
        var before = ContentFingerprint.Take(_root);
        File.AppendAllText(Path.Combine(_root, "postgresql-vs-sqlite", "index.md"), "\nmore");
        File.AppendAllText(Path.Combine(_root, "tricky-characters", "index.md"), "\nmore");
        Directory.CreateDirectory(Path.Combine(_root, "new-comparison"));
        File.WriteAllText(Path.Combine(_root, "new-comparison", "index.md"), "new");
        Directory.Delete(Path.Combine(_root, "draft-comparison"), recursive: true);

        var retaken = before.Retake(_root, new HashSet<string>(["postgresql-vs-sqlite"], StringComparer.Ordinal));

        Assert.NotEqual(before.Folders["postgresql-vs-sqlite"], retaken.Folders["postgresql-vs-sqlite"]);
        // Not named, so not walked: its change waits for an event naming it, or the rescan's full take.
        Assert.Same(before.Folders["tricky-characters"], retaken.Folders["tricky-characters"]);
        Assert.True(retaken.Folders.ContainsKey("new-comparison"));
        Assert.False(retaken.Folders.ContainsKey("draft-comparison"));
        Assert.NotEqual(retaken, ContentFingerprint.Take(_root));
        Assert.Equal(
            ContentFingerprint.Take(_root),
            before.Retake(
                _root, new HashSet<string>(["postgresql-vs-sqlite", "tricky-characters"], StringComparer.Ordinal)));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
