using ComparisonSite.Results.Import;
using Dapper;
using Npgsql;

namespace ComparisonSite.Results.Store;

/// <summary>Runs and their measurements: written whole by imports, read whole into snapshots.</summary>
public sealed class RunRepository
{
    /// <summary>
    /// Writes the run, replacing any run with the same id (and its measurements) in the same transaction. The
    /// run's data counts as changed at <paramref name="changedAt"/> (now when null) unless the stored run with
    /// this id has the same <paramref name="contentHash"/>; then it keeps the stored change time.
    /// </summary>
    public async Task ReplaceAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        RunDocument document,
        string contentHash,
        DateTimeOffset? changedAt,
        CancellationToken cancellationToken)
    {
        const string previousSql = "select changed_at from runs where id = @Id and content_hash = @ContentHash";
        const string deleteSql = """
            delete from runs where id = @Id;
            delete from removed_runs where id = @Id;
            """;
        const string insertRunSql = """
            insert into runs (id, suite, title, run_date, period_start, period_end, source, source_url, origin,
                              hardware, cores, memory, os, server_setup, load_tool, concurrency, duration, notes,
                              caveats, content_hash, changed_at)
            values (@Id, @Suite, @Title, @Date, @PeriodStart, @PeriodEnd, @Source, @SourceUrl, @Origin,
                    @Hardware, @Cores, @Memory, @Os, @ServerSetup, @LoadTool, @Concurrency, @Duration, @Notes,
                    @Caveats, @ContentHash, coalesce(@ChangedAt, now()))
            """;
        const string insertMeasurementsSql = """
            insert into measurements (run_id, framework, scenario, metric, value, samples)
            values (@RunId, @Framework, @Scenario, @Metric, @Value, @Samples)
            """;
        const string insertSetupSql = """
            insert into run_setups (run_id, position, framework, software, server, workers, worker_class,
                                    database_connections, keep_alive, helpers, note)
            values (@RunId, @Position, @Framework, @Software, @Server, @Workers, @WorkerClass,
                    @DatabaseConnections, @KeepAlive, @Helpers, @Note)
            """;

        var run = document.Run;
        var unchangedSince = await connection.QuerySingleOrDefaultAsync<DateTime?>(new CommandDefinition(
            previousSql, new { run.Id, ContentHash = contentHash }, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(
            new CommandDefinition(deleteSql, new { run.Id }, transaction, cancellationToken: cancellationToken));

        // The run's own fields come from the record; Dapper passes an enum as its number, so the origin is
        // given as its text (explicit parameters replace the template's of the same name).
        var parameters = new DynamicParameters(run);
        parameters.Add("Suite", document.Suite);
        parameters.Add("Origin", run.Origin.ToText());
        parameters.Add("ContentHash", contentHash);
        parameters.Add("ChangedAt", unchangedSince is { } since
            ? new DateTimeOffset(DateTime.SpecifyKind(since, DateTimeKind.Utc))
            : changedAt?.ToUniversalTime());
        await connection.ExecuteAsync(
            new CommandDefinition(insertRunSql, parameters, transaction, cancellationToken: cancellationToken));
        var measurements = document.Results.Select(r => new
        {
            RunId = run.Id,
            r.Framework,
            r.Scenario,
            r.Metric,
            r.Value,
            Samples = r.Samples?.ToArray(),
        });
        await connection.ExecuteAsync(new CommandDefinition(
            insertMeasurementsSql, measurements, transaction, cancellationToken: cancellationToken));
        var setup = run.Setup.Select((s, i) => new
        {
            RunId = run.Id,
            Position = i,
            s.Framework,
            s.Software,
            s.Server,
            s.Workers,
            s.WorkerClass,
            s.DatabaseConnections,
            s.KeepAlive,
            s.Helpers,
            s.Note,
        });
        await connection.ExecuteAsync(new CommandDefinition(
            insertSetupSql, setup, transaction, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<RunSummary>> ListAsync(
        NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        const string sql = """
            select r.suite, r.id, r.title, r.run_date as Date, r.origin, count(m.value)::int as Measurements,
                   r.imported_at as ImportedAt
            from runs r left join measurements m on m.run_id = r.id
            group by r.id
            order by r.suite, r.run_date desc, r.imported_at desc
            """;
        var rows = await connection.QueryAsync<SummaryRow>(
            new CommandDefinition(sql, cancellationToken: cancellationToken));
        return [.. rows.Select(r =>
            new RunSummary(r.Suite, r.Id, r.Title, r.Date, r.Origin, r.Measurements, r.ImportedAt))];
    }

    /// <summary>
    /// Every run of every suite, each with all its measurements. A comparison site holds dozens of runs, not
    /// thousands (100,000 measurements at most each, see <see cref="Import.RunImporter.MaxMeasurements"/>), so the
    /// whole store fits in memory and pages never query it: history, run pages and run=ID all read this.
    /// <para>
    /// With <paramref name="known"/> (the live snapshot's runs), a run imported no later than its known copy is that
    /// very copy, and only new or re-imported runs have their measurements read: an import costs the store the run
    /// it wrote, not all of them, and what is worked out per measurement (intervals, figures) stays valid.
    /// </para>
    /// </summary>
    public async Task<IReadOnlyList<RunResults>> LoadAllAsync(
        NpgsqlConnection connection,
        CancellationToken cancellationToken,
        IReadOnlyDictionary<string, RunResults>? known = null)
    {
        // Columns named as RunInfo's properties, which Dapper fills straight from the row (origin's text parses to
        // RunOrigin); the suite and times, which the store adds, come last, split off into RunStamp.
        const string runsSql = """
            select r.id, r.title, r.run_date as Date, r.period_start as PeriodStart, r.period_end as PeriodEnd,
                   r.source, r.source_url as SourceUrl, r.origin, r.hardware, r.cores, r.memory, r.os,
                   r.server_setup as ServerSetup, r.load_tool as LoadTool, r.concurrency, r.duration, r.notes,
                   r.caveats, r.suite, r.imported_at as ImportedAt, r.changed_at as ChangedAt
            from runs r
            """;
        const string measurementsSql = """
            select run_id as RunId, framework, scenario, metric, value, samples from measurements
            where run_id = any(@Ids)
            """;
        const string setupSql = """
            select run_id as RunId, framework, software, server, workers, worker_class as WorkerClass,
                   database_connections as DatabaseConnections, keep_alive as KeepAlive, helpers, note
            from run_setups order by run_id, position
            """;

        var setups = (await connection.QueryAsync<SetupRow>(
                new CommandDefinition(setupSql, cancellationToken: cancellationToken)))
            .ToLookup(s => s.RunId, s => s.ToSetup());
        var runs = (await connection.QueryAsync<RunInfo, RunStamp, StoredRun>(
            new CommandDefinition(runsSql, cancellationToken: cancellationToken),
            (info, stamp) => new StoredRun(
                stamp.Suite,
                setups.Contains(info.Id) ? info with { Setup = [.. setups[info.Id]] } : info,
                WholeSeconds(stamp.ImportedAt))
            {
                ChangedAt = WholeSeconds(stamp.ChangedAt),
                ImportStamp = stamp.ImportedAt.Ticks,
            },
            splitOn: "suite")).ToList();
        RunResults? Unchanged(StoredRun run) =>
            known?.GetValueOrDefault(run.Id) is { } copy && copy.Run.ImportStamp == run.ImportStamp
            && copy.Run.Suite == run.Suite ? copy : null;
        var read = runs.Where(r => Unchanged(r) is null).Select(r => r.Id).ToArray();
        var measurements = (read.Length == 0
                ? []
                : await connection.QueryAsync<MeasurementRow>(new CommandDefinition(
                    measurementsSql, new { Ids = read }, cancellationToken: cancellationToken)))
            .ToLookup(m => m.RunId);
        // Each row brings its own copy of the framework, scenario and metric slugs: one shared copy of each keeps a
        // 100,000-measurement run at about half the memory (the snapshot is held for the process's life).
        var slugs = new Dictionary<string, string>(StringComparer.Ordinal);
        string Shared(string slug) => slugs.TryGetValue(slug, out var shared) ? shared : slugs[slug] = slug;
        return [.. runs.Select(r => Unchanged(r) ?? new RunResults(r,
            [.. measurements[r.Id].Select(m => new Measurement(
                Shared(m.Framework), Shared(m.Scenario), Shared(m.Metric), m.Value, m.Samples))]))];
    }

    /// <summary>The runs removed with <c>runs remove</c> and not imported again since.</summary>
    public async Task<IReadOnlyList<RemovedRun>> LoadRemovedAsync(
        NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        const string sql = "select id, suite, title, removed_at as RemovedAt from removed_runs";
        var rows = await connection.QueryAsync<RemovedRow>(
            new CommandDefinition(sql, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new RemovedRun(r.Id, r.Suite, r.Title, WholeSeconds(r.RemovedAt)))];
    }

    /// <summary>
    /// Tells every listening site instance, when the transaction commits, that a suite's runs changed (an import, a
    /// re-import or a removal): the payload is the suite's slug, the channel <see cref="RunImporter.Channel"/>.
    /// </summary>
    public async Task NotifyChangedAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        string suite,
        CancellationToken cancellationToken) =>
        await connection.ExecuteAsync(new CommandDefinition(
            "select pg_notify(@Channel, @Suite)",
            new { RunImporter.Channel, Suite = suite },
            transaction,
            cancellationToken: cancellationToken));

    /// <summary>
    /// Deletes a run and its measurements and records its tombstone, in the caller's transaction; null (and
    /// nothing written) when no run has this id.
    /// </summary>
    public async Task<RemovedRun?> RemoveAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string id, CancellationToken cancellationToken)
    {
        // Measurements go with the run (on delete cascade); a tombstone left by an earlier removal of the same id
        // cannot exist, as importing the id again deleted it.
        const string sql = """
            with removed as (delete from runs where id = @Id returning id, suite, title)
            insert into removed_runs (id, suite, title)
            select id, suite, title from removed
            returning id, suite, title, removed_at as RemovedAt
            """;
        var row = await connection.QuerySingleOrDefaultAsync<RemovedRow>(
            new CommandDefinition(sql, new { Id = id }, transaction, cancellationToken: cancellationToken));
        return row is null ? null : new RemovedRun(row.Id, row.Suite, row.Title, WholeSeconds(row.RemovedAt));
    }

    // HTTP dates (Last-Modified, If-Modified-Since) and feeds carry whole seconds; so does every date we show.
    private static DateTimeOffset WholeSeconds(DateTime utc) =>
        new(DateTime.SpecifyKind(utc.AddTicks(-(utc.Ticks % TimeSpan.TicksPerSecond)), DateTimeKind.Utc));

    private sealed class RunStamp
    {
        public string Suite { get; init; } = "";
        public DateTime ImportedAt { get; init; }

        public DateTime ChangedAt { get; init; }
    }

    private sealed class SummaryRow
    {
        public string Suite { get; init; } = "";
        public string Id { get; init; } = "";
        public string Title { get; init; } = "";
        public DateOnly Date { get; init; }
        public RunOrigin Origin { get; init; }
        public int Measurements { get; init; }
        public DateTime ImportedAt { get; init; }
    }

    private sealed class RemovedRow
    {
        public string Id { get; init; } = "";
        public string Suite { get; init; } = "";
        public string Title { get; init; } = "";
        public DateTime RemovedAt { get; init; }
    }

    private sealed class SetupRow
    {
        public string RunId { get; init; } = "";
        public string Framework { get; init; } = "";
        public string Software { get; init; } = "";
        public string Server { get; init; } = "";
        public int Workers { get; init; }
        public string WorkerClass { get; init; } = "";
        public string DatabaseConnections { get; init; } = "";
        public string KeepAlive { get; init; } = "";
        public string? Helpers { get; init; }
        public string? Note { get; init; }

        public RunSetup ToSetup() => new(
            Framework, Software, Server, Workers, WorkerClass, DatabaseConnections, KeepAlive, Helpers, Note);
    }

    private sealed class MeasurementRow
    {
        public string RunId { get; init; } = "";
        public string Framework { get; init; } = "";
        public string Scenario { get; init; } = "";
        public string Metric { get; init; } = "";
        public double Value { get; init; }
        public double[]? Samples { get; init; }
    }
}
