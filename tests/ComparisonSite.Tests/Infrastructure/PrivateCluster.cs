using ComparisonSite.Results.LocalServer;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace ComparisonSite.Tests.Infrastructure;

/// <summary>
/// A PostgreSQL in a fresh temporary folder of its own, started by the same code the site uses: the shared
/// server of <see cref="PostgresFixture"/>, and the private ones of tests that stop, kill or restart theirs.
/// Disposing stops what it started, kills whatever else still runs in the folder, and deletes the folder.
/// </summary>
internal sealed class PrivateCluster : IAsyncDisposable
{
    private readonly List<LocalPostgresCluster> _instances = [];

    private PrivateCluster(string folder) => Folder = folder;

    /// <summary>The folder the cluster's data, log and pid file live in.</summary>
    public string Folder { get; }

    /// <summary>The server's data directory inside <see cref="Folder"/>.</summary>
    public string DataFolder => Path.Combine(Folder, "data");

    /// <summary>The postmaster.pid of the folder: there while a server runs (or after one was killed).</summary>
    public string PidFile => Path.Combine(DataFolder, "postmaster.pid");

    /// <summary>The first instance started on the folder, the one <see cref="StartAsync"/> starts.</summary>
    public LocalPostgresCluster Server => _instances[0];

    /// <summary>A new empty folder named after <paramref name="name"/>; no server is started yet.</summary>
    public static PrivateCluster InNewFolder(string name) => new(
        Path.Combine(Path.GetTempPath(), "comparisonsite-tests", name + "-" + Guid.NewGuid().ToString("N")[..8]));

    /// <summary>
    /// A new folder with a running server in it: <c>await using var cluster = await PrivateCluster.StartAsync("x");</c>
    /// </summary>
    public static async Task<PrivateCluster> StartAsync(string name)
    {
        var cluster = InNewFolder(name);
        await cluster.StartInstanceAsync();
        return cluster;
    }

    /// <summary>
    /// Starts one more instance on the folder, as another site process would: it starts the server, joins a
    /// running one or adopts an orphaned one.
    /// </summary>
    public async Task<LocalPostgresCluster> StartInstanceAsync()
    {
        var instance = new LocalPostgresCluster(Folder, NullLogger.Instance);
        _instances.Add(instance);
        await instance.StartAsync(CancellationToken.None);
        return instance;
    }

    /// <summary>A new empty database on <see cref="Server"/>; returns its connection string.</summary>
    public Task<string> CreateDatabaseAsync() => PostgresFixture.CreateDatabaseAsync(Server);

    /// <summary>
    /// At process exit, where nothing can be awaited: SIGKILL to the postmaster named in postmaster.pid (its
    /// backends exit when they see it gone) and the folder deleted. Only for the run-wide shared server.
    /// </summary>
    public void KillAtExit()
    {
        try
        {
            if (File.Exists(PidFile)
                && int.TryParse(File.ReadLines(PidFile).FirstOrDefault(), out var pid))
            {
                using var postmaster = Process.GetProcessById(pid);
                postmaster.Kill();
                postmaster.WaitForExit(TimeSpan.FromSeconds(10));
            }

        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or IOException
                                       or UnauthorizedAccessException or System.ComponentModel.Win32Exception)
        {
            // Already gone.
        }

        // The backends may still be writing for a moment after their postmaster died; what stays behind is
        // removed by the next run's SweepStaleFolders.
        for (var attempt = 0; attempt < 5 && Directory.Exists(Folder); attempt++)
        {
            try
            {
                Directory.Delete(Folder, recursive: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                Thread.Sleep(200);
            }
        }
    }

    /// <summary>
    /// Deletes the folders earlier runs left in the shared temporary folder: a run's shared server folder
    /// (<c>pg-*</c>) whose postmaster no longer runs, and any folder nobody touched for an hour. A test process
    /// killed from outside never runs its exit handler, and each shared folder holds gigabytes. Other runs may be
    /// going at the same time, and their tests kill their own private servers on purpose: only the shared kind is
    /// judged by its postmaster.
    /// </summary>
    public static void SweepStaleFolders()
    {
        var root = Path.Combine(Path.GetTempPath(), "comparisonsite-tests");
        if (!Directory.Exists(root))
        {
            return;
        }

        foreach (var folder in Directory.EnumerateDirectories(root))
        {
            if (IsStale(folder))
            {
                try
                {
                    Directory.Delete(folder, recursive: true);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    // Another run deletes it at the same moment, or a file is still held: the next sweep tries.
                }
            }
        }
    }

    private static bool IsStale(string folder)
    {
        var pidFile = Path.Combine(folder, "data", "postmaster.pid");
        var untouched = DateTime.UtcNow.AddHours(-1);
        if (Directory.GetLastWriteTimeUtc(folder) < untouched
            && (!File.Exists(pidFile) || File.GetLastWriteTimeUtc(pidFile) < untouched))
        {
            return true;
        }

        if (!Path.GetFileName(folder).StartsWith(SharedPrefix + "-", StringComparison.Ordinal) || !File.Exists(pidFile))
        {
            return false;
        }

        try
        {
            var line = File.ReadLines(pidFile).FirstOrDefault();
            return int.TryParse(line, out var pid) && !Directory.Exists($"/proc/{pid}");
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>The name <see cref="PostgresFixture"/> gives the run-wide shared server's folder.</summary>
    public const string SharedPrefix = "pg";

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        foreach (var instance in _instances)
        {
            await instance.StopAsync(CancellationToken.None);
        }

        if (File.Exists(PidFile))
        {
            // Whatever a failed test left running (a killed site's server, one this cluster only joined).
            var leftover = new LocalPostgresCluster(Folder, NullLogger.Instance);
            await leftover.StartAsync(CancellationToken.None);
            await leftover.KillAsync(CancellationToken.None);
        }

        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }
}
