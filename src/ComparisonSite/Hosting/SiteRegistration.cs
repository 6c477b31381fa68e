using ComparisonSite.Articles;
using Serilog;

namespace ComparisonSite;

public static class SiteRegistration
{
    /// <summary>Serilog for the app and its requests, configured from the "Serilog" section (see appsettings.json).</summary>
    public static WebApplicationBuilder AddSiteLogging(this WebApplicationBuilder builder)
    {
        builder.Services.AddSerilog((services, logger) => logger
            .ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(services)
            .Enrich.FromLogContext());
        return builder;
    }

    /// <summary>Site options, pages and the services the pages read from.</summary>
    public static IServiceCollection AddSitePages(this IServiceCollection services, IConfiguration configuration, SiteRoot root)
    {
        services.AddSingleton(root);
        services.AddOptions<SiteOptions>()
            .Bind(configuration.GetSection(SiteOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<ArticlePageRenderer>();
        services.AddRazorPages();
        return services;
    }
}
