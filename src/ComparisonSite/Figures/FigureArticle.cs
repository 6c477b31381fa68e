using ComparisonSite.Figures.Calculator;
using ComparisonSite.Figures.Claims;
using ComparisonSite.Results.Import;

namespace ComparisonSite.Figures;

/// <summary>What figures need to know about the article they appear in.</summary>
/// <param name="Slug">The article's address, for its download links.</param>
/// <param name="Suite">The benchmark suite whose runs the article's references read.</param>
/// <param name="Frameworks">The article's frameworks, in its order: the default columns and the colour order.</param>
/// <param name="Origin">
/// The origin whose latest run a reference reads when it names neither a run nor an origin (front matter
/// <c>origin:</c>); null for the suite's latest run of any origin.
/// </param>
/// <param name="ServerPrice">The price per server the cost calculator uses (front matter <c>serverPrice:</c>).</param>
/// <param name="Claims">The source's claims written as data (front matter <c>claims:</c>), for the claim check.</param>
/// <param name="IndexFile">The article's index.md as problems name it, where its claims are written.</param>
public sealed record FigureArticle(
    string Slug, string Suite, IReadOnlyList<string> Frameworks, RunOrigin? Origin = null,
    ServerPrice? ServerPrice = null, IReadOnlyList<SourceClaim>? Claims = null, string IndexFile = "index.md");
