using ComparisonSite.Markdown.DataReferences;
using ComparisonSite.Results.Store;
using Markdig.Syntax;

namespace ComparisonSite.Content;

/// <summary>
/// What an article's data references ask of the results, found once, when its files are read: the runs they read,
/// the runs they pin and whether a section shows the claim check. What every change asks of every comparison (the
/// page versions) reads this, not the Markdown, which is parsed again only to render (see
/// <see cref="ArticleDocuments"/>). Only this summary is kept: the seed cites about 75 references, and keeping each
/// parsed (its options, flags and source text) took 50 KB per comparison, most of the content's memory.
/// </summary>
/// <param name="Selectors">The runs the references read, each once, in first-use order, headline included.</param>
/// <param name="Pins">The <c>run=ID</c> references of the page's body, with where each stands.</param>
/// <param name="ShowsClaims">True when a section shows the claim check (<c>{{claims}}</c>).</param>
public sealed record ArticleReferences(
    IReadOnlyList<RunSelector> Selectors, IReadOnlyList<ArticlePin> Pins, bool ShowsClaims)
{
    public const string SummaryPart = "the short answer";

    public static ArticleReferences None { get; } = new([], [], false);

    /// <summary>What the bodies' references ask; each body with its file, first line and part of the page.</summary>
    internal static ArticleReferences Of(
        IEnumerable<(MarkdownDocument Body, string File, int FirstLine, string Part, bool InHeadline)> bodies)
    {
        var selectors = new List<RunSelector>();
        var pins = new List<ArticlePin>();
        var showsClaims = false;
        foreach (var (body, file, firstLine, part, inHeadline) in bodies)
        {
            foreach (var (reference, line) in In(body))
            {
                selectors.AddRange(reference.Selectors.Where(s => !selectors.Contains(s)));
                if (!inHeadline && reference.RunId is { } runId)
                {
                    pins.Add(new ArticlePin(runId, file, firstLine + line, part));
                }

                showsClaims |= !inHeadline && reference.Kind == DataReferenceKind.Claims;
            }
        }

        return new ArticleReferences([.. selectors], [.. pins], showsClaims);
    }

    // Every reference of one body (inline and block), in line order.
    private static IEnumerable<(DataReference Reference, int Line)> In(MarkdownDocument body) =>
        body.Descendants<DataReferenceInline>().Select(i => (i.Reference, i.Line))
            .Concat(body.Descendants<DataBlock>().Select(b => (b.Reference, b.Line)))
            .Where(r => r.Reference is not null)
            .OrderBy(r => r.Line)
            .Select(r => (r.Reference!, r.Line));
}

/// <summary>A reference pinned to a run (<c>run=ID</c>): the run, its file and line, its part of the page.</summary>
public sealed record ArticlePin(string RunId, string File, int Line, string Part);
