using Markdig.Extensions.Footnotes;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace ComparisonSite.Markdown;

/// <summary>
/// An article is several Markdown files shown as one page, so ids that are unique within a file can clash on
/// the page. This makes every heading id unique page-wide (keeping the plain id where it is free, so anchors
/// stay stable) and numbers footnotes continuously from the first section to the last.
/// </summary>
internal static class PageIdentifiers
{
    /// <summary>Ids the page layout itself uses.</summary>
    public static readonly IReadOnlySet<string> Reserved = new HashSet<string>(StringComparer.Ordinal)
    {
        "main", "toc", "summary", "top", "site-header", "site-footer", "content-problems",
        "freshness", "data-updates", "data-updates-title",
    };

    public static void MakeUnique(IReadOnlyList<(string Anchor, MarkdownDocument Body)> parts)
    {
        var used = new HashSet<string>(Reserved, StringComparer.Ordinal);
        foreach (var (anchor, _) in parts)
        {
            used.Add(anchor);
        }

        var footnoteNumber = 0;
        var linkNumber = 0;
        foreach (var (anchor, body) in parts)
        {
            foreach (var heading in body.Descendants<HeadingBlock>())
            {
                var attributes = heading.GetAttributes();
                if (attributes.Id is not { Length: > 0 } id)
                {
                    continue;
                }

                var unique = used.Contains(id) ? $"{anchor}-{id}" : id;
                for (var n = 2; used.Contains(unique); n++)
                {
                    unique = $"{anchor}-{id}-{n}";
                }

                attributes.Id = unique;
                used.Add(unique);
            }

            foreach (var footnote in body.Descendants<Footnote>().OrderBy(f => f.Order))
            {
                footnote.Order = ++footnoteNumber;
            }

            foreach (var link in body.Descendants<FootnoteLink>())
            {
                link.Index = ++linkNumber;
            }
        }
    }
}
