using ComparisonSite.Results.Import;
using Dapper;
using Npgsql;

namespace ComparisonSite.Results.Store;

/// <summary>Runs and their measurements: written whole by imports, read whole into snapshots.</summary>
public sealed class RunRepository
{
    private const string RunColumns = """
        r.id, r.suite, r.title, r.run_date as Date, r.period_start as PeriodStart, r.period_end as PeriodEnd,
        r.source, r.source_url as SourceUrl, r.origin, r.hardware, r.cores, r.memory, r.os, r.server_setup as ServerSetup,
        r.load_tool as LoadTool, r.concurrency, r.duration, r.notes, r.caveats, r.imported_at as ImportedAt
        """;

    /// <summary>Writes the run, replacing any run with the same id (and its measurements) in the same transaction.</summary>
    public async Task ReplaceAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, RunDocument document, CancellationToken cancellationToken)
    {
        const string deleteSql = "delete from runs where id = @Id";
        const string insertRunSql = """
            insert into runs (id, suite, title, run_date, period_start, period_end, source, source_url, origin, hardware, cores, memory,
                              os, server_setup, load_tool, concurrency, duration, notes, caveats)
            values (@Id, @Suite, @Title, @Date, @PeriodStart, @PeriodEnd, @Source, @SourceUrl, @Origin, @Hardware, @Cores, @Memory,
                    @Os, @ServerSetup, @LoadTool, @Concurrency, @Duration, @Notes, @Caveats)
            """;
        const string insertMeasurementsSql = """
            insert into measurements (run_id, framework, scenario, metric, value, samples)
            values (@RunId, @Framework, @Scenario, @Metric, @Value, @Samples)
            """;

        var run = document.Run;
        await connection.ExecuteAsync(new CommandDefinition(deleteSql, new { run.Id }, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(insertRunSql, new
        {
            run.Id,
            document.Suite,
            run.Title,
            run.Date,
            run.PeriodStart,
            run.PeriodEnd,
            run.Source,
            run.SourceUrl,
            run.Origin,
            run.Hardware,
            run.Cores,
            run.Memory,
            run.Os,
            run.ServerSetup,
            run.LoadTool,
            run.Concurrency,
            run.Duration,
            run.Notes,
            Caveats = run.Caveats.ToArray(),
        }, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(insertMeasurementsSql,
            document.Results.Select(r => new { RunId = run.Id, r.Framework, r.Scenario, r.Metric, r.Value, Samples = r.Samples?.ToArray() }),
            transaction, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<RunSummary>> ListAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        const string sql = """
            select r.suite, r.id, r.title, r.run_date as Date, r.origin, count(m.value)::int as Measurements, r.imported_at as ImportedAt
            from runs r left join measurements m on m.run_id = r.id
            group by r.id
            order by r.suite, r.run_date desc, r.imported_at desc
            """;
        var rows = await connection.QueryAsync<SummaryRow>(new CommandDefinition(sql, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new RunSummary(r.Suite, r.Id, r.Title, r.Date, r.Origin, r.Measurements, r.ImportedAt))];
    }

    /// <summary>The latest run of every suite plus the runs pinned by id, each with all its measurements.</summary>
    public async Task<IReadOnlyList<RunResults>> LoadCurrentAsync(NpgsqlConnection connection, IReadOnlyCollection<string> pinnedRunIds, CancellationToken cancellationToken)
    {
        const string runsSql = $"""
            select {RunColumns} from runs r
            where r.id in (select distinct on (suite) id from runs order by suite, run_date desc, imported_at desc)
               or r.id = any(@Pinned)
            """;
        const string measurementsSql = """
            select run_id as RunId, framework, scenario, metric, value, samples from measurements where run_id = any(@Ids)
            """;

        var runs = (await connection.QueryAsync<RunRow>(new CommandDefinition(runsSql, new { Pinned = pinnedRunIds.ToArray() }, cancellationToken: cancellationToken))).ToList();
        var ids = runs.Select(r => r.Id).ToArray();
        var measurements = (await connection.QueryAsync<MeasurementRow>(new CommandDefinition(measurementsSql, new { Ids = ids }, cancellationToken: cancellationToken)))
            .ToLookup(m => m.RunId);
        return [.. runs.Select(r => new RunResults(r.ToStoredRun(),
            [.. measurements[r.Id].Select(m => new Measurement(m.Framework, m.Scenario, m.Metric, m.Value, m.Samples))]))];
    }

    private sealed class RunRow
    {
        public string Id { get; init; } = "";
        public string Suite { get; init; } = "";
        public string Title { get; init; } = "";
        public DateOnly Date { get; init; }
        public DateOnly? PeriodStart { get; init; }
        public DateOnly? PeriodEnd { get; init; }
        public string Source { get; init; } = "";
        public string? SourceUrl { get; init; }
        public string Origin { get; init; } = "";
        public string? Hardware { get; init; }
        public int? Cores { get; init; }
        public string? Memory { get; init; }
        public string? Os { get; init; }
        public string? ServerSetup { get; init; }
        public string? LoadTool { get; init; }
        public int? Concurrency { get; init; }
        public string? Duration { get; init; }
        public string? Notes { get; init; }
        public string[] Caveats { get; init; } = [];
        public DateTime ImportedAt { get; init; }

        public StoredRun ToStoredRun() => new(Suite, new RunInfo
        {
            Id = Id,
            Title = Title,
            Date = Date,
            PeriodStart = PeriodStart,
            PeriodEnd = PeriodEnd,
            Source = Source,
            SourceUrl = SourceUrl,
            Origin = Origin,
            Hardware = Hardware,
            Cores = Cores,
            Memory = Memory,
            Os = Os,
            ServerSetup = ServerSetup,
            LoadTool = LoadTool,
            Concurrency = Concurrency,
            Duration = Duration,
            Notes = Notes,
            Caveats = Caveats,
        }, WholeSeconds(ImportedAt));

        // HTTP dates (Last-Modified, If-Modified-Since) and feeds carry whole seconds; so does every date we show.
        private static DateTimeOffset WholeSeconds(DateTime utc) =>
            new(DateTime.SpecifyKind(utc.AddTicks(-(utc.Ticks % TimeSpan.TicksPerSecond)), DateTimeKind.Utc));
    }

    private sealed class SummaryRow
    {
        public string Suite { get; init; } = "";
        public string Id { get; init; } = "";
        public string Title { get; init; } = "";
        public DateOnly Date { get; init; }
        public string Origin { get; init; } = "";
        public int Measurements { get; init; }
        public DateTime ImportedAt { get; init; }
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
