using Microsoft.Extensions.Options;

namespace ComparisonSite.Content;

public static class ContentRegistration
{
    /// <summary>Content loading, validation and hot reload; Development shows drafts unless configured.</summary>
    public static IServiceCollection AddContent(this IServiceCollection services)
    {
        services.AddOptions<ContentOptions>()
            .Configure<IHostEnvironment>((o, environment) => o.ShowDrafts = environment.IsDevelopment())
            .BindConfiguration(ContentOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton(sp => new ContentLibrary(
            sp.GetRequiredService<IOptions<ContentOptions>>(),
            sp.GetRequiredService<SiteRoot>(),
            sp.GetRequiredService<ILogger<ContentLibrary>>(),
            sp.GetService<IFolderLoadObserver>()));
        services.AddSingleton<ContentWatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<ContentWatcher>());
        services.AddHealthChecks().AddCheck<ContentHealthCheck>("content", tags: ["ready"]);
        return services;
    }
}
