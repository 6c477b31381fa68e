using ComparisonSite.Content;
using ComparisonSite.Results.Store;

namespace ComparisonSite.Articles;

/// <summary>What the comparison page shows: an article rendered to HTML against one results snapshot.</summary>
public sealed record ArticlePage(ComparisonArticle Article, string SummaryHtml, IReadOnlyList<RenderedSection> Sections, RunResults? CitedRun)
{
    public ArticleFrontMatter Meta => Article.Meta;

    /// <summary>Only pages with charts load Chart.js.</summary>
    public bool HasCharts => Sections.Any(s => s.HasCharts);
}

/// <summary>One section of the page: its heading, its anchor for the table of contents, and its body.</summary>
public sealed record RenderedSection(string Title, string Anchor, string Html, bool HasCharts);
