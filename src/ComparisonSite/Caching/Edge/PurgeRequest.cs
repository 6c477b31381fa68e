namespace ComparisonSite.Caching.Edge;

/// <summary>One change's purge: the keys whose pages it altered, and what changed (for the logs).</summary>
public sealed record PurgeRequest(long Change, string Cause, IReadOnlyList<string> Keys);
