namespace ComparisonSite.Hosting;

/// <summary>
/// Matches what a slug can be (<see cref="Identifiers.IsSlug"/>), so "/favicon.svg" and other files never
/// reach the comparison page.
/// </summary>
internal sealed class SlugRouteConstraint : IRouteConstraint
{
    public const string Name = "slug";

    public bool Match(
        HttpContext? httpContext,
        IRouter? route,
        string routeKey,
        RouteValueDictionary values,
        RouteDirection routeDirection) =>
        values.TryGetValue(routeKey, out var value) && value is string slug && Identifiers.IsSlug(slug);
}
