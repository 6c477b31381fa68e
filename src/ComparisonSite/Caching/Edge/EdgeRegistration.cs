using Microsoft.Extensions.Options;

namespace ComparisonSite.Caching.Edge;

public static class EdgeRegistration
{
    /// <summary>
    /// Surrogate keys and s-maxage on generated responses, and purges of exactly the changed keys to the
    /// purgers configured under "Edge" (none by default).
    /// </summary>
    public static IServiceCollection AddEdgeCache(this IServiceCollection services)
    {
        services.AddOptions<EdgeOptions>()
            .BindConfiguration(EdgeOptions.Section)
            .ValidateDataAnnotations()
            .Validate(
                o => o.Purgers.All(p => Uri.TryCreate(p.Url.Replace("{", "", StringComparison.Ordinal)
                    .Replace("}", "", StringComparison.Ordinal), UriKind.Absolute, out _)),
                "Edge:Purgers:N:Url must be an absolute URL")
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<EdgeOptions>, PurgerHeaderValidation>();
        services.AddSingleton<SurrogateKeys>();
        services.AddSingleton<EdgeHeaders>();
        services.AddSingleton<PendingPurges>();
        services.AddSingleton<IPageChangeListener, EdgePurges>();
        services.AddHostedService<PurgeSender>();
        // Redirects are not followed: a purge endpoint answers itself.
        services.AddHttpClient(PurgeSender.ClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        return services;
    }
}
