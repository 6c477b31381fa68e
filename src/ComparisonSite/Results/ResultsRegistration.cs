using ComparisonSite.Results.Import;
using ComparisonSite.Results.Migrations;
using ComparisonSite.Results.Store;
using ComparisonSite.Results.Sync;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ComparisonSite.Results;

public static class ResultsRegistration
{
    /// <summary>The results store: connection (or private cluster), repositories, imports and migrations.</summary>
    public static IServiceCollection AddResultsStore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ResultsOptions>()
            .Bind(configuration.GetSection(ResultsOptions.Section))
            .Configure(o => o.ConnectionString = configuration.GetConnectionString(ResultsOptions.ConnectionStringName))
            .ValidateOnStart();
        services.AddSingleton<ResultsDatabase>();
        services.AddSingleton(sp => sp.GetRequiredService<ResultsDatabase>().DataSource);
        services.AddSingleton<CatalogRepository>();
        services.AddSingleton<RunRepository>();
        services.AddSingleton<RunImporter>();
        services.AddSingleton(sp => new MigrationRunner(
            sp.GetRequiredService<NpgsqlDataSource>(),
            sp.GetRequiredService<SiteRoot>().Combine(Options(sp).MigrationsPath),
            sp.GetRequiredService<ILogger<MigrationRunner>>()));
        services.AddSingleton(sp => new SeedImporter(
            sp.GetRequiredService<NpgsqlDataSource>(),
            sp.GetRequiredService<RunImporter>(),
            sp.GetRequiredService<SiteRoot>().Combine(Options(sp).SeedPath),
            sp.GetRequiredService<ILogger<SeedImporter>>()));
        services.AddSingleton<ResultsStore>();
        return services;
    }

    /// <summary>
    /// What the web site adds on top: start/stop with the host, the change listener, the readiness check.
    /// </summary>
    public static IServiceCollection AddResultsSync(this IServiceCollection services)
    {
        services.AddHostedService<ResultsDatabaseLifetime>();
        services.AddSingleton<ResultsSync>();
        services.AddHostedService(sp => sp.GetRequiredService<ResultsSync>());
        services.AddHealthChecks().AddCheck<ResultsHealthCheck>("results", tags: ["ready"]);
        return services;
    }

    private static ResultsOptions Options(IServiceProvider services) =>
        services.GetRequiredService<IOptions<ResultsOptions>>().Value;
}
