namespace ComparisonSite.Caching;

/// <summary>
/// Keeps a page out of the page cache although all Razor Pages opt in: a page whose answer depends on its query
/// (the page cache keys on the path only) and that is cheap to render, such as the calculator's
/// <c>/&lt;slug&gt;/cost</c>. Caching it per query would let arbitrary queries fill the cache.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
internal sealed class UncachedPageAttribute : Attribute;
