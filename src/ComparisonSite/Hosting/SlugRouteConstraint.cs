namespace ComparisonSite;

/// <summary>
/// Matches what a slug can be (lower-case letters, digits, hyphens), so "/favicon.svg" and other files never
/// reach the comparison page. A character loop: this runs on every request, cache hits included.
/// </summary>
internal sealed class SlugRouteConstraint : IRouteConstraint
{
    public const string Name = "slug";

    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection) =>
        values.TryGetValue(routeKey, out var value) && value is string slug && IsSlug(slug);

    public static bool IsSlug(string text) =>
        text.Length is > 0 and <= 100 && text.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');
}
