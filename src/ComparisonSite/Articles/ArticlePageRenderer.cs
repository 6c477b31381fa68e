using System.Net;
using ComparisonSite.Content;
using ComparisonSite.Figures;
using ComparisonSite.Markdown;
using ComparisonSite.Markdown.DataReferences;
using ComparisonSite.Results.Store;
using Markdig.Syntax;

namespace ComparisonSite.Articles;

/// <summary>
/// Renders an article against a results snapshot once and keeps the result while both are live: a request
/// costs a lookup, not a render. Unresolved data references are logged once per render, with file and line.
/// </summary>
public sealed class ArticlePageRenderer(
    FigureFormatter formatter,
    IHostEnvironment environment,
    TimeProvider clock,
    CacheRoom room,
    ILogger<ArticlePageRenderer> logger)
{
    private readonly RenderCache _rendered = new(() => room.RenderCacheBytes);
    private int _renders;

    /// <summary>
    /// How many times an article was rendered (not served from the render cache): for tests and diagnostics.
    /// </summary>
    public int RenderCount => Volatile.Read(ref _renders);

    /// <summary>What the render cache holds, in estimated bytes.</summary>
    internal long CachedBytes => _rendered.Size;

    /// <summary>Evicts rendered articles past the render cache's share of the room, after it shrank.</summary>
    internal void TrimCache() => _rendered.Trim();

    public ArticlePage Render(ComparisonArticle article, ResultsSnapshot results)
    {
        // The day is part of the key: a run passes the article's maxDataAge on a day, not on a change.
        var today = Today(clock);
        if (_rendered.TryGet(article, out var cached) && ReferenceEquals(cached.Results, results)
            && cached.Day == today)
        {
            return cached.Page;
        }

        Interlocked.Increment(ref _renders);
        var (page, problems) = Build(article, results, environment.IsDevelopment(), today);
        foreach (var problem in problems)
        {
            logger.LogWarning(
                "Unresolved data reference in {File}:{Line}: {Problem}",
                problem.File,
                problem.Line,
                problem.Message);
        }

        _rendered.Add(article, new RenderedArticle(results, today, page));
        return page;
    }

    /// <summary>
    /// Renders without caching or logging, returning every unresolved reference: what the check verb uses.
    /// </summary>
    public (ArticlePage Page, IReadOnlyList<FigureProblem> Problems) Build(
        ComparisonArticle article,
        ResultsSnapshot results,
        bool showErrors,
        DateOnly? today = null)
    {
        // Holds the parsed Markdown for the whole render: it is kept weakly (ArticleDocuments), and every part
        // should come from one parse.
        var parsed = article.Documents.Parsed;
        var context = ComparisonFigures.Context(article, results, formatter, showErrors);
        context.ArticleFigures = true;
        var summary = RenderPart(article.Summary, context, article.Folder + "/" + ComparisonLoader.IndexFile, 1);
        var sections = article.Sections
            .Select(s => new RenderedSection(
                s.Title,
                s.Anchor,
                RenderPart(s.Body, context, s.File, s.BodyFirstLine),
                HasCharts(s.Body)))
            .ToList();
        var headline = article.Headline is { } line
            ? RenderHeadline(article, line, results, showErrors, context)
            : null;
        var faq = article.Sections.Where(s => s.IsFaq).SelectMany(s => FaqEntries(s, context)).ToList();
        // Worked out where a block shows it, and where the editor wrote claims but no block, so that a claim naming
        // an unknown framework is reported either way. An article with neither skips the check's bootstraps.
        var showsClaims = ShowsClaims(article);
        var claims = showsClaims || article.Meta.Claims.Count > 0 ? context.Claims : null;
        var page = new ArticlePage(
            article, summary, sections, ArticleRuns.Default(article, results), faq,
            ArticleRuns.DataChangedAt(article, results))
        {
            FreshnessNotices = ArticleFreshness.Notices(article, results, today ?? Today(clock), formatter),
            DataUpdates = DataUpdates.Of(article, results),
            Figures = [.. context.Figures],
            HeadlineHtml = headline,
            HasCalculator = ArticleCalculator.Find(article) is not null,
            Claims = showsClaims ? claims : null,
        };
        GC.KeepAlive(parsed);
        return (page, context.Problems);
    }

    // Questions are the ### headings of a FAQ section; an answer is everything up to the next heading.
    private static List<FaqEntry> FaqEntries(ArticleSection section, FigureContext context)
    {
        var problems = context.Problems.Count;
        string? question = null;
        var answer = new List<Block>();
        var entries = new List<FaqEntry>();
        foreach (var block in section.Body)
        {
            if (block is HeadingBlock heading)
            {
                Add();
                question = PlainText(heading.Inline is null ? [] : [heading], context, inline: true);
                answer.Clear();
            }
            else if (question is not null)
            {
                answer.Add(block);
            }
        }

        Add();
        // The visible render already recorded any problem in these answers; don't count it twice.
        context.Problems.RemoveRange(problems, context.Problems.Count - problems);
        return entries;

        void Add()
        {
            if (question is not null && answer.Count > 0)
            {
                entries.Add(new FaqEntry(question, PlainText(answer, context, inline: false)));
            }
        }
    }

    /// <summary>
    /// The summary and each section as a reader reads them, in plain text: figures in prose as their numbers,
    /// block figures (tables, charts, environments) left out. What site search indexes. Not cached: its caller
    /// keeps the result per content and results snapshot.
    /// </summary>
    public ArticleText Text(ComparisonArticle article, ResultsSnapshot? results)
    {
        var context = results is null ? null : ComparisonFigures.Context(article, results, formatter);
        var parsed = article.Documents.Parsed;
        return new ArticleText(Of(parsed.Summary), [.. article.Sections.Select(s => Of(parsed.Section(s.Index)))]);

        string Of(MarkdownDocument document) =>
            PlainText([.. document.Where(b => b is not DataBlock)], context, inline: false);
    }

    private static string PlainText(IReadOnlyList<Block> blocks, FigureContext? context, bool inline) =>
        ArticleMarkdown.ToPlainText(blocks, context, inlinesOnly: inline);

    private static string RenderPart(MarkdownDocument document, FigureContext context, string file, int firstLine)
    {
        context.File = file;
        context.FirstLine = firstLine;
        return ArticleMarkdown.ToHtml(document, context);
    }

    // The headline stands on the home and tag pages, so its figures link the article's methodology by address;
    // its problems point at the headline's line of index.md, with the article's.
    private string RenderHeadline(
        ComparisonArticle article,
        MarkdownDocument line,
        ResultsSnapshot results,
        bool showErrors,
        FigureContext articleContext)
    {
        var context = ComparisonFigures.Context(article, results, formatter, showErrors);
        context.MethodologyHref = SiteAddresses.InArticle(article.Slug, DataUpdatesSection);
        context.File = article.Folder + "/" + ComparisonLoader.IndexFile;
        context.FirstLine = article.Meta.HeadlineLine;
        var html = ArticleMarkdown.ToInlineHtml(line, context);
        articleContext.Problems.AddRange(context.Problems);
        return html;
    }

    private const string DataUpdatesSection = "methodology";

    /// <summary>True when a section shows the claim check (<c>{{claims}}</c>).</summary>
    public static bool ShowsClaims(ComparisonArticle article) => article.References.ShowsClaims;

    private static bool HasCharts(MarkdownDocument document) =>
        DataReferencePolicy.References(document).Any(r => r.IsChart);

    /// <summary>Today in UTC: the date against which data ages are counted, the same for every reader.</summary>
    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

}
