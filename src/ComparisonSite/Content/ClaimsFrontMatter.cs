using ComparisonSite.Figures;
using ComparisonSite.Figures.Claims;

namespace ComparisonSite.Content;

/// <summary>
/// Reads the article's <c>claims:</c> list: the source's performance claims in a form our measurement can check.
/// Each entry has <c>says</c> (the claim in words) and <c>measure</c> (SCENARIO:METRIC), and either
/// <c>best: FRAMEWORK</c> or <c>ahead: A</c> with <c>behind: B</c> and an optional <c>by: 7-8</c>. Only the shape is
/// checked here; whether the frameworks and metric exist is decided against the results store, like a data
/// reference's.
/// </summary>
internal static class ClaimsFrontMatter
{
    public const string Key = "claims";

    private const string Example =
        "claims: [{ says: \"FastAPI starts fastest\", measure: \"idle:cold-start\", best: fastapi }]";

    public static IReadOnlyList<SourceClaim> Read(FrontMatterFields article)
    {
        var claims = new List<SourceClaim>();
        foreach (var (fields, line) in article.MappingList(Key, Example))
        {
            if (ReadOne(fields, line) is { } claim)
            {
                claims.Add(claim);
            }
        }

        return claims;
    }

    private static SourceClaim? ReadOne(FrontMatterFields fields, int line)
    {
        var says = fields.Text("says", required: true);
        var measure = fields.Text("measure", required: true);
        var best = fields.Text("best", required: false);
        var ahead = fields.Text("ahead", required: false);
        var behind = fields.Text("behind", required: false);
        var byText = fields.Text("by", required: false);
        fields.RejectUnknownKeys();

        var series = measure?.Split(':', 2) is [var scenario, var metric]
            && Identifiers.IsSlug(scenario) && Identifiers.IsSlug(metric)
            ? new SeriesKey(string.Intern(scenario), string.Intern(metric))
            : null;
        if (measure is not null && series is null)
        {
            fields.Reject("measure", $"'measure' must be SCENARIO:METRIC such as json:rps, not '{Shorten(measure)}'");
        }

        foreach (var (key, slug) in new[] { ("best", best), ("ahead", ahead), ("behind", behind) })
        {
            if (slug is not null && !Identifiers.IsSlug(slug))
            {
                fields.Reject(key, $"'{key}' must be a framework slug ({Identifiers.SlugRule}), not '{Shorten(slug)}'");
            }
        }

        if ((best is null) == (ahead is null) || (ahead is null) != (behind is null))
        {
            fields.Reject(
                best is not null ? "best" : ahead is not null ? "ahead" : "says",
                "a claim gives either 'best: FRAMEWORK' (it leads the article's frameworks) or 'ahead: A' and "
                + "'behind: B' (A is better than B)");
            return null;
        }

        if (ahead is not null && ahead == behind)
        {
            fields.Reject("behind", $"'behind' must name another framework than 'ahead' ('{ahead}')");
        }

        ClaimRange? by = null;
        if (byText is not null)
        {
            by = ClaimRange.Parse(byText, out var error);
            if (error is not null)
            {
                fields.Reject("by", error);
            }
            else if (best is not null)
            {
                fields.Reject("by", "'by' sizes an 'ahead'/'behind' claim; a 'best' claim names no other framework");
            }
        }

        return fields.HasErrors || says is null || series is null
            ? null
            // Slugs recur in every claim of every comparison: one copy each (see ComparisonLoader).
            : new SourceClaim(says, series, string.Intern((best ?? ahead)!), Intern(behind), by, line);
    }

    private static string? Intern(string? slug) => slug is null ? null : string.Intern(slug);

    private static string Shorten(string text) => Identifiers.Shorten(text, 60);
}
