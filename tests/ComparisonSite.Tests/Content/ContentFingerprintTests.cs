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
    public void A_retake_walks_only_the_named_folders_and_keeps_the_others_stamps()
    {
        var before = ContentFingerprint.Take(_root);
        File.AppendAllText(Path.Combine(_root, "postgresql-vs-sqlite", "index.md"), "\nmore");
        File.AppendAllText(Path.Combine(_root, "tricky-characters", "index.md"), "\nmore");
        Directory.CreateDirectory(Path.Combine(_root, "new-comparison"));
        File.WriteAllText(Path.Combine(_root, "new-comparison", "index.md"), "new");
        Directory.Delete(Path.Combine(_root, "draft-comparison"), recursive: true);

        var retaken = before.Retake(_root, Names("postgresql-vs-sqlite", "new-comparison", "draft-comparison"));

        Assert.NotEqual(before.Folders["postgresql-vs-sqlite"], retaken.Folders["postgresql-vs-sqlite"]);
        Assert.True(retaken.Folders.ContainsKey("new-comparison"));
        Assert.False(retaken.Folders.ContainsKey("draft-comparison"));
        // Not named, so not walked: its change waits for an event naming it, or the rescan's full take.
        Assert.Same(before.Folders["tricky-characters"], retaken.Folders["tricky-characters"]);
        Assert.NotEqual(retaken, ContentFingerprint.Take(_root));
        Assert.Equal(
            ContentFingerprint.Take(_root),
            before.Retake(
                _root,
                Names("postgresql-vs-sqlite", "tricky-characters", "new-comparison", "draft-comparison")));
    }

    [Fact]
    public void A_folder_that_came_without_being_named_waits_for_its_own_event()
    {
        var before = ContentFingerprint.Take(_root);
        Directory.CreateDirectory(Path.Combine(_root, "new-comparison"));
        File.WriteAllText(Path.Combine(_root, "new-comparison", "index.md"), "new");

        Assert.False(before.Retake(_root, Names("postgresql-vs-sqlite")).Folders.ContainsKey("new-comparison"));
        Assert.True(before.Retake(_root, Names("new-comparison")).Folders.ContainsKey("new-comparison"));
    }

    [Fact]
    public void A_named_file_of_the_content_folder_itself_is_found_by_listing_the_whole_folder()
    {
        var before = ContentFingerprint.Take(_root);
        File.WriteAllText(Path.Combine(_root, "notes.md"), "a file beside the comparisons");
        Directory.CreateDirectory(Path.Combine(_root, "unnamed-comparison"));

        var retaken = before.Retake(_root, Names("notes.md"));

        Assert.Equal(ContentFingerprint.Take(_root), retaken);
        Assert.True(retaken.Folders.ContainsKey("unnamed-comparison"));
    }

    [Fact]
    public void A_named_hidden_entry_changes_nothing()
    {
        var before = ContentFingerprint.Take(_root);
        Directory.CreateDirectory(Path.Combine(_root, ".git"));

        Assert.Equal(before, before.Retake(_root, Names(".git")));
    }

    private static HashSet<string> Names(params string[] names) => new(names, StringComparer.Ordinal);

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
