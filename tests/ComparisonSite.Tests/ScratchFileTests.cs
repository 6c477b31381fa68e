namespace ComparisonSite.Tests;

/// <summary>
/// The scratch file that keeps compressed Markdown and search texts out of the process's memory: bytes come back
/// as written, from many writers at once; the file has no name to leave behind; and without a writable folder the
/// bytes are kept in memory and read back the same.
/// </summary>
public sealed class ScratchFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("scratch-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Bytes_written_by_many_threads_at_once_read_back_as_written_and_the_file_has_no_name()
    {
        var file = ScratchFile.Create(_folder);
        var written = new ScratchFile.Place[200];

        await Parallel.ForAsync(0, written.Length, (i, _) =>
        {
            written[i] = file.Append(Bytes(i));
            return ValueTask.CompletedTask;
        });

        Assert.True(file.OnDisk);
        Assert.All(Enumerable.Range(0, written.Length), i => Assert.Equal(Bytes(i), written[i].Read()));
        Assert.Empty(Directory.EnumerateFileSystemEntries(_folder));
    }

    [Fact]
    public void Without_a_writable_folder_the_bytes_are_kept_in_memory_and_read_back_the_same()
    {
        var blocked = Path.Combine(_folder, "not-a-folder");
        File.WriteAllText(blocked, "a file where the folder should be");

        var file = ScratchFile.Create(blocked);
        var places = Enumerable.Range(0, 50).Select(i => file.Append(Bytes(i))).ToList();

        Assert.False(file.OnDisk);
        Assert.All(Enumerable.Range(0, places.Count), i => Assert.Equal(Bytes(i), places[i].Read()));
    }

    // Distinct contents of distinct lengths, so a misplaced read cannot pass.
    private static byte[] Bytes(int seed) =>
        [.. Enumerable.Range(0, 100 + (seed * 37 % 4000)).Select(k => (byte)((k * 31) + seed))];
}
