using System.Globalization;
using ComparisonSite.Results.Store;

namespace ComparisonSite.Figures.Claims;

/// <summary>What our measured run says of a claim.</summary>
public enum ClaimVerdict
{
    /// <summary>Our run shows the same, clearly: the ratio's 95% interval leaves out "no difference".</summary>
    Holds,

    /// <summary>Our run shows another framework clearly ahead, or a ratio clearly outside the claimed one.</summary>
    DoesNotHold,

    /// <summary>Our run cannot tell the frameworks apart: the ratio's interval contains 1.</summary>
    NoClearDifference,

    /// <summary>Our run has no value for a framework or the metric of the claim.</summary>
    NotMeasured,
}

/// <summary>One claim with what each run shows of it and our verdict.</summary>
/// <param name="Claim">The claim.</param>
/// <param name="FromRun">True for a claim read from the source's run (who leads a metric), not from the article.
/// </param>
/// <param name="SourceFigures">The source's own figures behind it ("FastAPI 8,520 req/s, Flask 2,190 req/s:
/// FastAPI 3.9x faster"), or what its run lacks.</param>
/// <param name="OurFigures">The same from our measured run, with the ratio's interval.</param>
/// <param name="Verdict">Our verdict.</param>
public sealed record CheckedClaim(
    SourceClaim Claim, bool FromRun, string SourceFigures, string OurFigures, ClaimVerdict Verdict)
{
    /// <summary>The claim's id on the page: its <see cref="SourceClaim.Anchor"/>, numbered when two claim alike.
    /// </summary>
    public string Anchor { get; init; } = Claim.Anchor;
}

/// <summary>
/// The source's performance claims, each checked against our latest measured run: what the claim-check block, the
/// home page's summary line, the import dry run and the <c>ClaimReview</c> structured data all show.
/// </summary>
/// <param name="Source">Whose claims they are ("Bytepulse"; "the source" when the suite has no reported run).</param>
/// <param name="Reported">The source's latest reported run, or null.</param>
/// <param name="Measured">Our latest measured run, or null when there is none to check against.</param>
/// <param name="Claims">The claims: the article's own first, in its order, then those read from the run.</param>
public sealed record ClaimCheck(
    string Source, StoredRun? Reported, StoredRun? Measured, IReadOnlyList<CheckedClaim> Claims)
{
    public int Count(ClaimVerdict verdict) => Claims.Count(c => c.Verdict == verdict);

    /// <summary>"Of Bytepulse's 8 performance claims, our measurement supports 2": the home page's line.</summary>
    public string Summary
    {
        get
        {
            var claims = $"{Source}'s {Claims.Count} performance {(Claims.Count == 1 ? "claim" : "claims")}";
            return Measured is null
                ? $"None of {claims} is measured here yet"
                : $"Of {claims}, our measurement supports {Count(ClaimVerdict.Holds)}";
        }
    }

    /// <summary>"3 do not hold, 2 show no clear difference and 1 is not measured here", or empty.</summary>
    public string Rest
    {
        get
        {
            var parts = new List<string>();
            Add(Count(ClaimVerdict.DoesNotHold), "does not hold", "do not hold");
            Add(Count(ClaimVerdict.NoClearDifference), "shows no clear difference", "show no clear difference");
            if (Measured is not null)
            {
                Add(Count(ClaimVerdict.NotMeasured), "is not measured here", "are not measured here");
            }

            return parts.Count <= 1 ? string.Join(string.Empty, parts)
                : $"{string.Join(", ", parts[..^1])} and {parts[^1]}";

            void Add(int count, string one, string many)
            {
                if (count > 0)
                {
                    parts.Add($"{count.ToString(CultureInfo.InvariantCulture)} {(count == 1 ? one : many)}");
                }
            }
        }
    }

    /// <summary>The summary and the rest as one sentence.</summary>
    public string Sentence => Rest.Length == 0 ? Summary + "." : $"{Summary}; {Rest}.";

    /// <summary>How the page words a verdict: "Holds", "Does not hold", …</summary>
    public static string Words(ClaimVerdict verdict) => verdict switch
    {
        ClaimVerdict.Holds => "Holds",
        ClaimVerdict.DoesNotHold => "Does not hold",
        ClaimVerdict.NoClearDifference => "No clear difference",
        _ => "Not measured here",
    };

    /// <summary>The verdict as a class name suffix: "holds", "does-not-hold", ….</summary>
    public static string Slug(ClaimVerdict verdict) => Words(verdict).ToLowerInvariant().Replace(' ', '-');
}
