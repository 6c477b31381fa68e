using ComparisonSite.Results.Import;
using ComparisonSite.Results.Migrations;
using ComparisonSite.Results.Store;
using ComparisonSite.Results.Sync;
using Microsoft.Extensions.Options;

namespace ComparisonSite.Results;

public static class ResultsRegistration
{
    /// <summary>The results store: connection (or private cluster), repositories, imports and migrations.</summary>
    public static IServiceCollection AddResultsStore(this IServiceCollection services)
    {
        services.AddOptions<ResultsOptions>()
            .BindConfiguration(ResultsOptions.Section)
            .Configure<IConfiguration>((o, configuration) =>
                o.ConnectionString = configuration.GetConnectionString(ResultsOptions.ConnectionStringName))
            .ValidateOnStart();
        services.AddSingleton<ResultsDatabase>();
        // The data source exists once the database has started (ResultsDatabase.StartAsync).
        services.AddSingleton(sp => sp.GetRequiredService<ResultsDatabase>().DataSource);
        services.AddSingleton<CatalogRepository>();
        services.AddSingleton<RunRepository>();
        services.AddSingleton<RunImporter>();
        services.AddSingleton<RunRemover>();
        // Constructor injection, plus the one argument that is not a service: the folder, under the site root.
        services.AddSingleton(sp =>
            ActivatorUtilities.CreateInstance<MigrationRunner>(sp, Folder(sp, o => o.MigrationsPath)));
        services.AddSingleton(sp =>
            ActivatorUtilities.CreateInstance<SeedImporter>(sp, Folder(sp, o => o.SeedPath)));
        services.AddSingleton<ResultsStore>();
        return services;
    }

    /// <summary>
    /// What the web site adds on top: the sync that follows the store (started and stopped by
    /// Hosting/StartupLoads) and the readiness check.
    /// </summary>
    public static IServiceCollection AddResultsSync(this IServiceCollection services)
    {
        services.AddSingleton<ResultsSync>();
        services.AddHealthChecks().AddCheck<ResultsHealthCheck>("results", tags: ["ready"]);
        return services;
    }

    private static string Folder(IServiceProvider services, Func<ResultsOptions, string> relative)
    {
        var options = services.GetRequiredService<IOptions<ResultsOptions>>().Value;
        return services.GetRequiredService<SiteRoot>().Combine(relative(options));
    }
}
