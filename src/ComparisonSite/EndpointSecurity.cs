namespace ComparisonSite;

// Endpoint metadata that features put on their endpoints and Hosting/SecurityHeaders.cs reads: in the base, so
// the composition root depends on the features and never the other way round.

/// <summary>
/// Marks an endpoint other sites may show in a frame (a figure's embed page): <c>frame-ancestors *</c> and no
/// X-Frame-Options. Everything else keeps <c>frame-ancestors 'none'</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
internal sealed class AllowFramingAttribute : Attribute;

/// <summary>
/// Endpoint metadata for a response that is not one of the site's HTML pages and brings its own
/// Content-Security-Policy (a chart's standalone SVG, opened as a document of its own).
/// </summary>
internal sealed record OwnContentSecurityPolicy(string Policy);
