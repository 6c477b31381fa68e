using ComparisonSite.Results.LocalServer;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ComparisonSite.Results.Store;

/// <summary>
/// The connection to the results store: the configured server, or a private local cluster started on demand
/// when none is configured. Owns the <see cref="NpgsqlDataSource"/> every repository uses.
/// </summary>
public sealed class ResultsDatabase(IOptions<ResultsOptions> options, SiteRoot root, ILogger<ResultsDatabase> logger)
    : IAsyncDisposable
{
    private NpgsqlDataSource? _dataSource;
    private LocalPostgresCluster? _cluster;

    public NpgsqlDataSource DataSource =>
        _dataSource ?? throw new InvalidOperationException("The results store has not been started.");

    /// <summary>The private cluster, when the site runs one.</summary>
    public LocalPostgresCluster? LocalCluster => _cluster;

    private readonly Lock _startGate = new();
    private Task? _started;

    /// <summary>Starts once; later calls (services starting concurrently) wait for that same start.</summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lock (_startGate)
        {
            return _started ??= StartOnceAsync(cancellationToken);
        }
    }

    private async Task StartOnceAsync(CancellationToken cancellationToken)
    {
        DateOnlyTypeHandler.Register();
        TextListTypeHandler.Register();
        var connectionString = options.Value.ConnectionString;
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            _cluster = new LocalPostgresCluster(Path.GetFullPath(options.Value.LocalClusterPath, root.Path), logger);
            await _cluster.StartAsync(cancellationToken);
            connectionString = _cluster.ConnectionString();
        }

        // Log where, never the connection string itself: it may carry a password.
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        logger.LogInformation("Results store: PostgreSQL at {Host}:{Port}, database {Database}",
            target.Host, target.Port, target.Database);
        _dataSource = NpgsqlDataSource.Create(WithoutGssProbe(connectionString, target));
    }

    /// <summary>
    /// Npgsql tries GSS (Kerberos) encryption first unless told otherwise, loading the system's Kerberos
    /// libraries on the first connection: ~40 ms of every cold start, for a handshake that fails everywhere
    /// Kerberos is not set up. A connection string that names GSS Encryption Mode keeps its choice.
    /// </summary>
    private static string WithoutGssProbe(string connectionString, NpgsqlConnectionStringBuilder parsed)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        var namesGss = given.Keys.Cast<string>().Any(k => k.Replace(" ", string.Empty, StringComparison.Ordinal)
            .Equals(nameof(parsed.GssEncryptionMode), StringComparison.OrdinalIgnoreCase));
        if (namesGss)
        {
            return connectionString;
        }

        parsed.GssEncryptionMode = GssEncryptionMode.Disable;
        return parsed.ConnectionString;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _started = null;
        if (_dataSource is not null)
        {
            await _dataSource.DisposeAsync();
            _dataSource = null;
        }

        if (_cluster is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await _cluster.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None);
}
