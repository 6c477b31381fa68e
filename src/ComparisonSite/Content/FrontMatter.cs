using ComparisonSite.Figures.Calculator;
using ComparisonSite.Figures.Claims;
using ComparisonSite.Results.Import;

namespace ComparisonSite.Content;

/// <summary>The front matter of a comparison's index.md.</summary>
public sealed record ArticleFrontMatter
{
    public required string Title { get; init; }
    public required string Description { get; init; }
    public required string Slug { get; init; }
    public required DateOnly Published { get; init; }
    public required DateOnly Updated { get; init; }
    public required string Author { get; init; }

    /// <summary>Framework slugs from the results store's catalog, in the order the article presents them.</summary>
    public required IReadOnlyList<string> Frameworks { get; init; }

    /// <summary>The benchmark suite whose latest run the article cites.</summary>
    public required string Suite { get; init; }

    /// <summary>
    /// The origin whose latest run a reference reads when it names neither a run nor an origin; null for the
    /// suite's latest run of any origin.
    /// </summary>
    public RunOrigin? Origin { get; init; }

    /// <summary>
    /// How old the data of each suite may get (<c>maxDataAge: { suite: days }</c>) before the page says so and
    /// <c>check</c> warns; empty when the article sets no limit.
    /// </summary>
    public IReadOnlyList<DataAgeLimit> MaxDataAge { get; init; } = [];

    public bool Draft { get; init; }

    /// <summary>Former slugs: each answers 301 to this comparison.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>A comparison taken down on purpose: its address answers 410 Gone and it leaves every listing.</summary>
    public bool Withdrawn { get; init; }

    /// <summary>The social card image (site path, e.g. /images/social/slug.png) for link previews.</summary>
    public string? Image { get; init; }

    /// <summary>Tags in the editor's words (<c>tags: [Python, Web frameworks]</c>), each with its page slug.</summary>
    public IReadOnlyList<ArticleTag> Tags { get; init; } = [];

    /// <summary>
    /// Slugs of comparisons the editor names as related, in the order given; empty when the site proposes them.
    /// </summary>
    public IReadOnlyList<string> Related { get; init; } = [];

    /// <summary>The index.md line of the <c>related</c> key, for warnings about slugs naming no comparison.</summary>
    public int RelatedLine { get; init; }

    /// <summary>The verdict in one line (Markdown inline, no figures); null when the editor gives none.</summary>
    public string? Verdict { get; init; }

    /// <summary>The index.md line of the <c>verdict</c> key.</summary>
    public int VerdictLine { get; init; }

    /// <summary>
    /// The headline figure line (Markdown inline with data references, rendered like the article's prose).
    /// </summary>
    public string? Headline { get; init; }

    /// <summary>The index.md line of the <c>headline</c> key: where its reference problems are reported.</summary>
    public int HeadlineLine { get; init; }

    /// <summary>The price per server of the cost calculator (<c>serverPrice:</c>), with its source and date.</summary>
    public ServerPrice? ServerPrice { get; init; }

    /// <summary>
    /// The source's performance claims written as data (<c>claims:</c>), which the claim check sets against our
    /// measured run; empty when the article lists none.
    /// </summary>
    public IReadOnlyList<SourceClaim> Claims { get; init; } = [];
}

/// <summary>The front matter of one section file of a comparison.</summary>
public sealed record SectionFrontMatter
{
    public required string Title { get; init; }
    public required int Order { get; init; }

    /// <summary>The section's id on the page; derived from the title when the editor gives none.</summary>
    public string? Anchor { get; init; }

    /// <summary>
    /// The section is a FAQ: each ### heading a question, the text under it the answer (feeds FAQPage data).
    /// </summary>
    public bool Faq { get; init; }
}
