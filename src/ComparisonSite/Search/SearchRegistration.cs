namespace ComparisonSite.Search;

/// <summary>Site search: the index service, and the OpenSearch description browsers add the search from.</summary>
public static class SearchRegistration
{
    public static IServiceCollection AddSiteSearch(this IServiceCollection services) =>
        services.AddSingleton<SiteSearch>().AddHostedService<SearchWarmer>();

    public static IEndpointRouteBuilder MapSearchEndpoints(this IEndpointRouteBuilder endpoints)
    {
        OpenSearchDescription.Map(endpoints);
        return endpoints;
    }
}
