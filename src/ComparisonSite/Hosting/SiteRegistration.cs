using System.Globalization;
using ComparisonSite.Articles;
using ComparisonSite.Figures;
using ComparisonSite.Runs;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;
using Serilog.Settings.Configuration;

namespace ComparisonSite.Hosting;

public static class SiteRegistration
{
    private const string HealthCheckFrameworkCategory = "Microsoft.Extensions.Diagnostics.HealthChecks";

    /// <summary>
    /// Serilog for the app and its requests, configured from the "Serilog" section (see appsettings.json).
    /// </summary>
    public static WebApplicationBuilder AddSiteLogging(this WebApplicationBuilder builder)
    {
        var json = builder.Configuration[$"{SiteOptions.Section}:{nameof(SiteOptions.LogFormat)}"] == "json";
        builder.Services.AddSerilog((services, logger) =>
        {
            // Levels come from configuration; sinks are set in code below. Naming the one sink assembly spares
            // the reader its scan of every DLL beside the app (~40 ms of each cold start).
            var readerOptions = new ConfigurationReaderOptions(typeof(ConsoleLoggerConfigurationExtensions).Assembly);
            logger.ReadFrom.Configuration(builder.Configuration, readerOptions)
                .ReadFrom.Services(services)
                .Enrich.FromLogContext();

            // The framework logs every check of every probe (an error line each while the store is down, and the
            // probes are public); ReadinessLog logs the same once per change instead. Set after the configuration
            // so no level there brings the flood back.
            logger.MinimumLevel.Override(HealthCheckFrameworkCategory, LogEventLevel.Fatal);
            if (json)
            {
                logger.WriteTo.Console(new CompactJsonFormatter());
            }
            else
            {
                const string textLine =
                    "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}";
                logger.WriteTo.Console(outputTemplate: textLine, formatProvider: CultureInfo.InvariantCulture);
            }
        });
        return builder;
    }

    /// <summary>
    /// The site root every feature resolves its files from, the Site options and the formatter built from them.
    /// </summary>
    public static IServiceCollection AddSiteOptions(this IServiceCollection services, SiteRoot root)
    {
        services.AddSingleton(root);
        services.AddOptions<SiteOptions>()
            .BindConfiguration(SiteOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<MemoryBudget>()
            .BindConfiguration(MemoryBudget.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<CacheRoom>();
        services.AddHostedService<MemoryKeeper>();
        return services.AddSiteFormatter();
    }

    /// <summary>
    /// Razor Pages, the slug route constraint, lowercase addresses and the services pages render with.
    /// </summary>
    public static IServiceCollection AddSitePages(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ArticlePageRenderer>();
        services.AddSingleton<HistoryPages>();
        services.AddSingleton<Front.FrontPages>();
        services.AddSingleton<SiteUrls>();
        services.AddRouting(o => o.ConstraintMap[SlugRouteConstraint.Name] = typeof(SlugRouteConstraint));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<MatcherPolicy, LowercaseAddresses>());
        services.AddRazorPages(options =>
        {
            // A split page's further parts (Runs/PageParts): the same page with the part number in its address.
            options.Conventions.AddPageRoute("/Run", "{slug:slug}/runs/{runId}" + SiteAddresses.PartTemplate);
            options.Conventions.AddPageRoute(
                "/RunDifference", "{slug:slug}/runs/{a}/vs/{b}" + SiteAddresses.PartTemplate);
            // A listing's further pages (Front/ListingPage): /page/N and /tags/TAG/page/N.
            options.Conventions.AddPageRoute("/Index", Front.ListingPage.PageTemplate);
            options.Conventions.AddPageRoute("/Tag", "tags/{tag:slug}/" + Front.ListingPage.PageTemplate);
        });
        services.SkipAntiforgery();
        return services;
    }
}
