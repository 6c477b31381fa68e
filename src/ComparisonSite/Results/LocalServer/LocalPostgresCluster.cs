using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Npgsql;

namespace ComparisonSite.Results.LocalServer;

/// <summary>
/// A private PostgreSQL cluster in a folder of its own, started from the server binaries on the machine when
/// no connection string is configured: the site and the tests need no database set-up by hand.
/// initdb and postgres refuse to run as root, so as root every server command runs as the 'postgres' user.
/// The instance that owns the running server holds an exclusive lock on owner.lock next to the data folder for as
/// long as it lives; the operating system releases it when that process dies, however it dies, so a server whose
/// lock is free was left behind by a killed site, and the next instance adopts it (and stops it on shutdown).
/// </summary>
public sealed class LocalPostgresCluster(string folder, ILogger logger)
{
    public const string Database = "comparisonsite";
    public const string User = "comparisonsite";
    private const string InstallHint =
        "Install them with 'apt-get install -y postgresql' (Debian/Ubuntu), or point the site at an existing server " +
        "with the connection string ConnectionStrings__Results=\"Host=...;Database=...;Username=...;Password=...\".";

    private const string FixedServerOptions = "-c fsync=off -c max_connections=200";

    // How long a postmaster.pid that a live server on the folder has not yet written is waited for.
    private static readonly TimeSpan LockFileSettleTime = TimeSpan.FromSeconds(5);

    // Absolute, as a running server's command line names it: how we tell our postgres from any other process.
    private readonly string _dataDirectory = Path.Combine(Path.GetFullPath(folder), "data");
    private readonly string _logFile = Path.Combine(folder, "postgres.log");
    private readonly string _ownerLockFile = Path.Combine(folder, "owner.lock");
    private string? _binDirectory;
    private FileStream? _ownerLock;

    private string PidFile => Path.Combine(_dataDirectory, "postmaster.pid");

    /// <summary>The port the cluster listens on (loopback only), once started.</summary>
    public int Port { get; private set; }

    /// <summary>True when this instance started the server and so must stop it.</summary>
    public bool Owned { get; private set; }

    public string ConnectionString(string database = Database) => new NpgsqlConnectionStringBuilder
    {
        Host = IPAddress.Loopback.ToString(),
        Port = Port,
        Username = User,
        Database = database,
    }.ConnectionString;

    /// <summary>
    /// For one-off administrative statements: unpooled, so a restart never hands out a dead connection.
    /// </summary>
    public string AdminConnectionString() =>
        new NpgsqlConnectionStringBuilder(ConnectionString("postgres")) { Pooling = false }.ConnectionString;

    /// <summary>
    /// Creates the cluster on first use, starts it (or joins it when another process already did), and makes sure
    /// the site's database exists.
    /// </summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _binDirectory ??= FindBinDirectory() ?? throw new InvalidOperationException(
            "No ConnectionStrings:Results is configured, so the site wants to start a private PostgreSQL, " +
            "but no PostgreSQL server binaries (initdb, pg_ctl) were found under " +
            "/usr/lib/postgresql/<version>/bin or on PATH. " + InstallHint);

        Directory.CreateDirectory(folder);
        GiveToServerUser(folder);
        if (!File.Exists(Path.Combine(_dataDirectory, "PG_VERSION")))
        {
            logger.LogInformation("Creating a private PostgreSQL cluster in {Folder}", _dataDirectory);
            string[] initdb =
                ["-D", _dataDirectory, "-U", User, "--auth=trust", "--encoding=UTF8", "--no-locale", "--no-sync"];
            await RunAsync("initdb", initdb, cancellationToken);
        }

        if (await RunningPortAsync(cancellationToken) is { } port)
        {
            Port = port;
            Owned = TryTakeOwnership();
            if (Owned)
            {
                logger.LogWarning(
                    "Adopted the private PostgreSQL on port {Port}, left running by a site process that has ended; " +
                    "it is stopped with this one", Port);
            }
            else
            {
                logger.LogInformation("Using the private PostgreSQL already running on port {Port}", Port);
            }
        }
        else
        {
            await StartServerAsync(cancellationToken);
        }

        await EnsureDatabaseAsync(cancellationToken);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (!Owned || _binDirectory is null)
        {
            return;
        }

        await RunAsync("pg_ctl", ["stop", "-D", _dataDirectory, "-m", "fast", "-w", "-t", "30"], cancellationToken);
        Owned = false;
        ReleaseOwnership();
        logger.LogInformation("Stopped the private PostgreSQL on port {Port}", Port);
    }

    /// <summary>Stops the server the way a crash would (immediate shutdown, no checkpoint): for fault tests.</summary>
    public async Task KillAsync(CancellationToken cancellationToken)
    {
        await RunAsync(
            "pg_ctl", ["stop", "-D", _dataDirectory, "-m", "immediate", "-w", "-t", "30"], cancellationToken);
        Owned = false;
    }

    private async Task StartServerAsync(CancellationToken cancellationToken)
    {
        // Keep the port across restarts of this instance, so clients reconnect to the same address.
        Port = Port != 0 ? Port : FreeLoopbackPort();
        // One interpolated string: string.Create takes an interpolation handler, not a concatenation.
        var serverOptions = string.Create(
            CultureInfo.InvariantCulture,
            $"-p {Port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' {FixedServerOptions}");
        try
        {
            string[] start = ["start", "-D", _dataDirectory, "-l", _logFile, "-w", "-t", "60", "-o", serverOptions];
            await RunAsync("pg_ctl", start, cancellationToken);
            Owned = true;
            TryTakeOwnership();
            logger.LogInformation(
                "Started a private PostgreSQL on 127.0.0.1:{Port} (data in {Folder})", Port, _dataDirectory);
        }
        catch (InvalidOperationException) when (ReadLockFile().Port is { } port)
        {
            // Another process (a second site instance, an import) started it at the same moment: share theirs.
            Port = port;
            Owned = false;
        }
    }

    private async Task EnsureDatabaseAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString());
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("select 1 from pg_database where datname = @name", connection);
        exists.Parameters.AddWithValue("name", Database);
        if (await exists.ExecuteScalarAsync(cancellationToken) is null)
        {
            await using var create = new NpgsqlCommand($"create database {Database}", connection);
            try
            {
                await create.ExecuteNonQueryAsync(cancellationToken);
            }
            catch (PostgresException ex)
                when (ex.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
            {
                // Created by a concurrent starter; that is what we wanted.
            }
        }
    }

    /// <summary>
    /// The port of the server running on this data directory, or null when none runs. postmaster.pid is the data
    /// directory's lock; PostgreSQL refuses to start over one it cannot read ("lock file is empty", "bogus data in
    /// lock file"), which a crash or a full disk can leave. Such a file is stale when no postgres process runs on
    /// this data directory, and then goes; while one does (a server that has created the file and not yet written
    /// it), it is waited for, and past <see cref="LockFileSettleTime"/> that server is named as the obstacle.
    /// </summary>
    private async Task<int?> RunningPortAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + LockFileSettleTime;
        while (true)
        {
            var (port, unreadable) = ReadLockFile();
            if (!unreadable)
            {
                return port;
            }

            if (ServerOnDataDirectory() is not { } pid)
            {
                logger.LogWarning(
                    "postmaster.pid in {Folder} is empty or unreadable and no PostgreSQL runs on the folder; "
                    + "removing it as stale", _dataDirectory);
                DeleteLockFile();
                return null;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException(
                    $"{PidFile} is empty or unreadable, but PostgreSQL (process {pid}) runs on {_dataDirectory}; "
                    + $"stop it (pg_ctl stop -D {_dataDirectory}) and start again.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
        }
    }

    /// <summary>
    /// The port in postmaster.pid when it names a live server on this data directory; unreadable when the file is
    /// there but holds no pid and port (empty, cut short, garbage).
    /// </summary>
    private (int? Port, bool Unreadable) ReadLockFile()
    {
        var pidFile = PidFile;
        if (!File.Exists(pidFile))
        {
            return (null, false);
        }

        string[] lines;
        try
        {
            lines = File.ReadAllLines(pidFile);
        }
        catch (IOException)
        {
            return (null, false);
        }

        if (lines.Length < 4
            || !int.TryParse(lines[0], CultureInfo.InvariantCulture, out var pid)
            || !int.TryParse(lines[3], CultureInfo.InvariantCulture, out var port)
            || pid <= 0)
        {
            // Where /proc cannot be asked who runs on the folder, pg_ctl says why it will not start.
            return (null, OperatingSystem.IsLinux());
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            if (process.HasExited)
            {
                return (null, false);
            }
        }
        catch (ArgumentException)
        {
            return (null, false); // a stale pid file from a crash; pg_ctl start cleans it up
        }

        if (IsOurServer(pid))
        {
            return (port, false);
        }

        // After a container restart the old pid often names some other live process, and postgres refuses to
        // start while its lock file names a live process: the file is stale, so it goes.
        logger.LogWarning(
            "postmaster.pid in {Folder} names process {Pid}, which is not this cluster's PostgreSQL; removing it",
            _dataDirectory, pid);
        DeleteLockFile();
        return (null, false);
    }

    private void DeleteLockFile()
    {
        try
        {
            File.Delete(PidFile);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // pg_ctl start then fails and says why.
        }
    }

    /// <summary>A postgres server process running on this data directory, from /proc (Linux only).</summary>
    private int? ServerOnDataDirectory()
    {
        foreach (var entry in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(entry), CultureInfo.InvariantCulture, out var pid)
                && pid != Environment.ProcessId && IsOurServer(pid))
            {
                return pid;
            }
        }

        return null;
    }

    /// <summary>
    /// Whether the process is a postgres server for this data folder, from /proc: its program and its -D argument
    /// (or, for a relative one, its working folder, which postgres sets to its data folder).
    /// </summary>
    private bool IsOurServer(int pid)
    {
        if (!OperatingSystem.IsLinux())
        {
            return true; // no /proc to ask: a live pid is taken at its word, as before
        }

        string[] arguments;
        try
        {
            arguments = File.ReadAllText($"/proc/{pid}/cmdline").Split('\0', StringSplitOptions.RemoveEmptyEntries);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }

        if (arguments.Length == 0 || Path.GetFileName(arguments[0]) is not ("postgres" or "postmaster"))
        {
            return false;
        }

        var data = Array.IndexOf(arguments, "-D") is var at && at >= 0 && at + 1 < arguments.Length
            ? arguments[at + 1]
            : null;
        return IsDataDirectory(data is not null && Path.IsPathRooted(data) ? data : WorkingFolderOf(pid));
    }

    private bool IsDataDirectory(string? path) =>
        path is not null && string.Equals(
            Path.TrimEndingDirectorySeparator(Path.GetFullPath(path)),
            Path.TrimEndingDirectorySeparator(_dataDirectory),
            StringComparison.Ordinal);

    private static string? WorkingFolderOf(int pid)
    {
        try
        {
            return new DirectoryInfo($"/proc/{pid}/cwd").LinkTarget;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// Takes the owner lock if no live process holds it; true when this instance now holds it. A second live
    /// instance (a verb beside the site) finds it held and joins the server without owning it.
    /// </summary>
    private bool TryTakeOwnership()
    {
        if (_ownerLock is not null)
        {
            return true;
        }

        try
        {
            // FileShare.None is an exclusive flock on Unix: held until disposed or until this process dies.
            var stream = new FileStream(_ownerLockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            stream.SetLength(0);
            stream.Write(Encoding.ASCII.GetBytes(
                Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "\n"));
            stream.Flush();
            _ownerLock = stream;
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private void ReleaseOwnership()
    {
        _ownerLock?.Dispose();
        _ownerLock = null;
    }

    private async Task RunAsync(string program, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var executable = Path.Combine(_binDirectory!, program);
        var start = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (Environment.IsPrivilegedProcess)
        {
            start.FileName = "runuser";
            foreach (var argument in new[] { "-u", "postgres", "--", executable })
            {
                start.ArgumentList.Add(argument);
            }
        }
        else
        {
            start.FileName = executable;
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            var log = File.Exists(_logFile) ? string.Join('\n', File.ReadLines(_logFile).TakeLast(10)) : string.Empty;
            var printed = $"{(await error).Trim()} {(await output).Trim()}";
            throw new InvalidOperationException(
                $"{program} failed with exit code {process.ExitCode}: {printed}\n{log}".Trim());
        }
    }

    // As root, the server runs as 'postgres', which must own the folder it writes to.
    private static void GiveToServerUser(string path)
    {
        if (!Environment.IsPrivilegedProcess)
        {
            return;
        }

        var chownStart = new ProcessStartInfo("chown", ["-R", "postgres:postgres", path]) { UseShellExecute = false };
        using var chown = Process.Start(chownStart);
        chown?.WaitForExit();
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static double VersionOf(string folder) =>
        double.TryParse(Path.GetFileName(folder), CultureInfo.InvariantCulture, out var version) ? version : 0;

    /// <summary>The newest installed PostgreSQL's bin folder, or one on PATH; null when there is none.</summary>
    public static string? FindBinDirectory()
    {
        const string debianRoot = "/usr/lib/postgresql";
        if (Directory.Exists(debianRoot))
        {
            var newest = Directory.EnumerateDirectories(debianRoot)
                .Select(d => (Dir: Path.Combine(d, "bin"), Version: VersionOf(d)))
                .Where(d => File.Exists(Path.Combine(d.Dir, "initdb")) && File.Exists(Path.Combine(d.Dir, "pg_ctl")))
                .OrderByDescending(d => d.Version)
                .Select(d => d.Dir)
                .FirstOrDefault();
            if (newest is not null)
            {
                return newest;
            }
        }

        return (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")));
    }
}
