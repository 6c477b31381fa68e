using ComparisonSite.Results.Import;
using Dapper;
using Npgsql;

namespace ComparisonSite.Results.Store;

/// <summary>Frameworks, scenarios, metrics and suites: read for the snapshot, upserted by imports.</summary>
public sealed class CatalogRepository
{
    /// <summary>
    /// Creates the suite if new and writes every catalog entry the document declares (declared entries win; the
    /// importer has refused changes unless asked to make them).
    /// </summary>
    public async Task UpsertAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        RunDocument document,
        CancellationToken cancellationToken)
    {
        const string suiteSql = """
            insert into suites (slug, title) values (@Suite, coalesce(@SuiteTitle, @Suite))
            on conflict (slug) do update set title = coalesce(@SuiteTitle, suites.title)
            """;
        const string frameworkSql = """
            insert into frameworks (slug, name, language, server, version, url)
            values (@Slug, @Name, @Language, @Server, @Version, @Url)
            on conflict (slug) do update set name = excluded.name, language = excluded.language,
                server = excluded.server, version = excluded.version, url = excluded.url
            """;
        const string scenarioSql = """
            insert into scenarios (slug, name, description, family, concurrency)
            values (@Slug, @Name, @Description, @Family, @Concurrency)
            on conflict (slug) do update set name = excluded.name, description = excluded.description,
                family = excluded.family, concurrency = excluded.concurrency
            """;
        const string metricSql = """
            insert into metrics (slug, name, unit, better, decimals, kind, higher_word, lower_word)
            values (@Slug, @Name, @Unit, @Better, @Decimals, @Kind, @HigherWord, @LowerWord)
            on conflict (slug) do update set name = excluded.name, unit = excluded.unit, better = excluded.better,
                decimals = excluded.decimals, kind = excluded.kind, higher_word = excluded.higher_word,
                lower_word = excluded.lower_word
            """;

        var metrics = document.Metrics.Select(m => new
        {
            m.Slug,
            m.Name,
            m.Unit,
            Better = m.Better == Better.Higher ? "higher" : "lower",
            m.Decimals,
            m.Kind,
            m.HigherWord,
            m.LowerWord,
        });
        await connection.ExecuteAsync(new CommandDefinition(
            suiteSql, new { document.Suite, document.SuiteTitle }, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            frameworkSql, document.Frameworks, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            scenarioSql, document.Scenarios, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            metricSql, metrics, transaction, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Every catalog entry, by slug. An import reads them in its transaction (<paramref name="transaction"/>)
    /// to tell undeclared references and changed declarations from known, unchanged ones.
    /// </summary>
    public async Task<StoredCatalog> LoadAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        const string frameworksSql = "select slug, name, language, server, version, url from frameworks order by slug";
        const string scenariosSql =
            "select slug, name, description, family, concurrency from scenarios order by slug";
        const string metricsSql = """
            select slug, name, unit, better, decimals, kind, higher_word as HigherWord, lower_word as LowerWord
            from metrics order by slug
            """;

        var frameworks = await connection.QueryAsync<Framework>(
            new CommandDefinition(frameworksSql, transaction: transaction, cancellationToken: cancellationToken));
        var scenarios = await connection.QueryAsync<Scenario>(
            new CommandDefinition(scenariosSql, transaction: transaction, cancellationToken: cancellationToken));
        var metrics = await connection.QueryAsync<MetricRow>(
            new CommandDefinition(metricsSql, transaction: transaction, cancellationToken: cancellationToken));
        return new StoredCatalog(
            frameworks.ToDictionary(f => f.Slug, StringComparer.Ordinal),
            scenarios.ToDictionary(s => s.Slug, StringComparer.Ordinal),
            metrics.Select(m => m.ToMetric()).ToDictionary(m => m.Slug, StringComparer.Ordinal));
    }

    private sealed record MetricRow(
        string Slug, string Name, string Unit, string Better, int Decimals, string Kind, string HigherWord,
        string LowerWord)
    {
        public Metric ToMetric() => new(
            Slug, Name, Unit, Better == "higher" ? Results.Better.Higher : Results.Better.Lower, Decimals, Kind,
            HigherWord, LowerWord);
    }
}

/// <summary>The catalog as the store holds it, by slug.</summary>
public sealed record StoredCatalog(
    IReadOnlyDictionary<string, Framework> Frameworks,
    IReadOnlyDictionary<string, Scenario> Scenarios,
    IReadOnlyDictionary<string, Metric> Metrics);
