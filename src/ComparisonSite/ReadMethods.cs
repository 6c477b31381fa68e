namespace ComparisonSite;

/// <summary>
/// The site is read-only (Hosting/ReadOnlyMethods.cs answers 405 to the rest). Methods are case-sensitive
/// (RFC 9110, section 9.1): <c>get</c> is an unknown method, not GET, though ASP.NET Core's
/// <see cref="HttpMethods.IsGet"/> and routing compare them ignoring case.
/// </summary>
internal static class ReadMethods
{
    /// <summary>
    /// GET or HEAD, spelled exactly so: the one test of a read for every middleware that serves one (the page
    /// cache, cache headers, redirects), so a lowercase <c>get</c> reaches none of them.
    /// </summary>
    public static bool IsRead(string method) =>
        string.Equals(method, HttpMethods.Get, StringComparison.Ordinal)
        || string.Equals(method, HttpMethods.Head, StringComparison.Ordinal);

    /// <summary>HEAD, spelled exactly so (see <see cref="IsRead"/>).</summary>
    public static bool IsHead(string method) => string.Equals(method, HttpMethods.Head, StringComparison.Ordinal);
}
