namespace ComparisonSite.Content;

public static class ContentRegistration
{
    /// <summary>Content loading, validation and hot reload.</summary>
    public static IServiceCollection AddContent(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOptions<ContentOptions>()
            .Configure(o => o.ShowDrafts = environment.IsDevelopment())
            .Bind(configuration.GetSection(ContentOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<ContentLibrary>();
        services.AddHostedService<ContentWatcher>();
        services.AddHealthChecks().AddCheck<ContentHealthCheck>("content", tags: ["ready"]);
        return services;
    }
}
