using System.Text.RegularExpressions;
using ComparisonSite.Files;
using ComparisonSite.Markdown;
using ComparisonSite.Results.Import;
using Markdig.Syntax;

namespace ComparisonSite.Content;

/// <summary>
/// Reads one comparison folder (index.md plus one file per section) into a <see cref="ComparisonArticle"/>,
/// or into the list of everything wrong with it. Knows nothing about which frameworks are compared.
/// </summary>
internal sealed partial class ComparisonLoader(ContentOptions options)
{
    public const string IndexFile = "index.md";

    public async Task<ComparisonLoadResult> LoadAsync(
        string contentRoot,
        string folder,
        CancellationToken cancellationToken)
    {
        var diagnostics = new List<ContentDiagnostic>();
        var folderName = Path.GetFileName(folder);
        var indexPath = Path.Combine(folder, IndexFile);
        var indexName = Relative(contentRoot, indexPath);
        if (InputFiles.FolderProblem(InputRoot.Content(contentRoot), folder) is { } folderProblem)
        {
            diagnostics.Add(ContentDiagnostic.Error(Relative(contentRoot, folder), 0, folderProblem));
            return new ComparisonLoadResult(folderName, null, diagnostics);
        }

        if (!File.Exists(indexPath))
        {
            diagnostics.Add(ContentDiagnostic.Error(
                indexName,
                0,
                $"a comparison folder needs an {IndexFile} with the article's front matter"));
            return new ComparisonLoadResult(folderName, null, diagnostics);
        }

        var index = await ReadAsync(contentRoot, indexPath, indexName, diagnostics, cancellationToken);
        var meta = index is null ? null : ReadArticleFrontMatter(index, indexName, folderName, diagnostics);
        var summary = index is null
            ? null
            : ArticleMarkdown.Parse(index.Body, indexName, index.BodyFirstLine, diagnostics);

        var sections = new List<LoadedSection>();
        var sectionFiles = Directory.EnumerateFiles(folder, "*.md")
            .Where(p => Path.GetFileName(p) != IndexFile)
            .Order(StringComparer.Ordinal);
        foreach (var path in sectionFiles)
        {
            var section = await LoadSectionAsync(
                contentRoot, path, Relative(contentRoot, path), diagnostics, cancellationToken);
            if (section is not null)
            {
                sections.Add(section);
            }
        }

        CheckSectionsAreDistinct(sections, diagnostics);
        var verdict = meta?.Verdict is { } verdictText
            ? ArticleMarkdown.ParseLine(verdictText, "verdict", indexName, meta.VerdictLine, false, diagnostics)
            : null;
        var headline = meta?.Headline is { } headlineText
            ? ArticleMarkdown.ParseLine(headlineText, "headline", indexName, meta.HeadlineLine, true, diagnostics)
            : null;
        if (meta is null || summary is null || diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            return new ComparisonLoadResult(folderName, null, diagnostics);
        }

        var ordered = sections.OrderBy(s => s.Order).ToArray();
        PageIdentifiers.MakeUnique([("summary", summary), .. ordered.Select(s => (s.Anchor, s.Body))]);
        var documents = new ArticleDocuments(
            [
                (new ArticleDocuments.Part("summary", indexName, index!.BodyFirstLine), index.Body),
                .. ordered.Select(s => (new ArticleDocuments.Part(s.Anchor, s.File, s.BodyFirstLine), s.Text)),
            ],
            new ParsedBodies([summary, .. ordered.Select(s => s.Body)]));
        var article = new ComparisonArticle
        {
            Meta = meta,
            Documents = documents,
            References = ArticleReferences.Of(
            [
                (summary, indexName, index.BodyFirstLine, ArticleReferences.SummaryPart, false),
                .. ordered.Select(s => (s.Body, s.File, s.BodyFirstLine, s.Title, false)),
                .. headline is null ? [] : new[] { (headline, indexName, meta.HeadlineLine, "the headline", true) },
            ]),
            SummaryFirstLine = index.BodyFirstLine,
            Sections = [.. ordered.Select((s, i) => new ArticleSection
            {
                Title = s.Title,
                Order = s.Order,
                Anchor = s.Anchor,
                File = s.File,
                BodyFirstLine = s.BodyFirstLine,
                IsFaq = s.IsFaq,
                Documents = documents,
                Index = i,
            })],
            VerdictHtml = verdict is null
                ? System.Net.WebUtility.HtmlEncode(meta.Description)
                : ArticleMarkdown.ToInlineHtml(verdict),
            Folder = Relative(contentRoot, folder),
            FilesModified = Directory.EnumerateFiles(folder, "*.md")
                .Max(f => new DateTimeOffset(File.GetLastWriteTimeUtc(f), TimeSpan.Zero)),
        };
        return new ComparisonLoadResult(folderName, article, diagnostics);
    }

    /// <summary>A section file as read: its front matter, its body parsed (for its problems) and its text.</summary>
    private sealed record LoadedSection(
        string Title, int Order, string Anchor, MarkdownDocument Body, string Text, string File, int BodyFirstLine,
        bool IsFaq);

    private async Task<LoadedSection?> LoadSectionAsync(
        string contentRoot, string path, string file, List<ContentDiagnostic> diagnostics,
        CancellationToken cancellationToken)
    {
        var document = await ReadAsync(contentRoot, path, file, diagnostics, cancellationToken);
        if (document is null)
        {
            return null;
        }

        var fields = new FrontMatterFields(document.Fields, file, diagnostics);
        var title = fields.Text("title", required: true);
        var order = fields.WholeNumber("order", required: true);
        var anchor = fields.Text("anchor", required: false);
        var faq = fields.Boolean("faq", defaultValue: false);
        fields.RejectUnknownKeys();
        if (anchor is not null && !Identifiers.IsAnchor(anchor))
        {
            fields.Reject(
                "anchor",
                $"anchor '{anchor}' must be lower-case letters, digits and hyphens, starting with a letter");
        }

        var body = ArticleMarkdown.Parse(document.Body, file, document.BodyFirstLine, diagnostics);
        if (fields.HasErrors || title is null || order is null)
        {
            return null;
        }

        // Anchors are identifiers that recur across comparisons ("methodology", "faq"): one copy each, as for
        // the slugs below (at 10,000 comparisons each repeated identifier cost about 0.5 MB).
        return new LoadedSection(
            title, order.Value, string.Intern(anchor ?? AnchorFromTitle(title)), body, document.Body, file,
            document.BodyFirstLine, faq);
    }

    private static ArticleFrontMatter? ReadArticleFrontMatter(
        FrontMatterDocument document,
        string file,
        string folderName,
        List<ContentDiagnostic> diagnostics)
    {
        var fields = new FrontMatterFields(document.Fields, file, diagnostics);
        var title = fields.Text("title", required: true);
        var description = fields.Text("description", required: true);
        var slug = fields.Text("slug", required: true);
        var published = fields.Date("published", required: true);
        var updated = fields.Date("updated", required: true);
        var author = fields.Text("author", required: true);
        var frameworks = fields.TextList("frameworks", required: true);
        var suite = fields.Text("suite", required: true);
        var originText = fields.Text("origin", required: false);
        var draft = fields.Boolean("draft", defaultValue: false);
        var withdrawn = fields.Boolean("withdrawn", defaultValue: false);
        var aliases = fields.TextList("aliases", required: false);
        var image = fields.Text("image", required: false);
        var tagNames = fields.TextList("tags", required: false);
        var related = fields.TextList("related", required: false);
        var verdict = fields.Text("verdict", required: false);
        var headline = fields.Text("headline", required: false);
        var serverPrice = ServerPriceFrontMatter.Read(fields);
        var claims = ClaimsFrontMatter.Read(fields);
        var maxDataAge = fields.WholeNumberMap(
            "maxDataAge", 1, DataAgeLimit.LongestDays, $"{{ {suite ?? "python-web-frameworks"}: 365 }}");
        fields.RejectUnknownKeys();

        // A limit for a suite the article does not cite would never apply: most likely a misspelt suite.
        foreach (var (limited, _, line) in maxDataAge.Where(m => suite is not null && m.Name != suite))
        {
            diagnostics.Add(ContentDiagnostic.Error(
                file,
                line,
                $"maxDataAge names suite '{limited}', but the article cites only '{suite}' (its 'suite' key)"));
        }

        foreach (var alias in aliases.Where(a => !Identifiers.IsSlug(a) || a == slug))
        {
            fields.Reject(
                "aliases",
                $"alias '{alias}' must be a slug (lower-case letters, digits and hyphens) "
                + "other than the comparison's own");
        }

        if (image is not null
            && (!image.StartsWith('/')
                || image.StartsWith("//", StringComparison.Ordinal)
                || image.Contains("..", StringComparison.Ordinal)))
        {
            fields.Reject(
                "image",
                $"image '{image}' must be a path on this site such as /images/social/{folderName}.png");
        }

        if (slug is not null && slug != folderName)
        {
            fields.Reject(
                "slug",
                $"slug '{slug}' must match the folder name '{folderName}': the folder is the page's address");
        }
        else if (slug is not null && !Identifiers.IsSlug(slug))
        {
            fields.Reject(
                "slug", $"slug '{slug}' must be lower-case letters, digits and hyphens, at most 100 characters");
        }

        var origin = RunOriginText.Parse(originText);
        if (originText is not null && origin is null)
        {
            fields.Reject(
                "origin",
                $"origin '{originText}' must be one of {string.Join(", ", RunOriginText.All)}: the kind of run "
                + "the article's figures read when a reference names none");
        }

        if (published is not null && updated is not null && updated < published)
        {
            fields.Reject(
                "updated",
                $"updated ({updated:yyyy-MM-dd}) cannot be before published ({published:yyyy-MM-dd})");
        }

        var tags = ReadTags(tagNames, fields);
        foreach (var relatedSlug in related.Where(r => !Identifiers.IsSlug(r) || r == slug))
        {
            fields.Reject(
                "related",
                $"related '{Identifiers.Shorten(relatedSlug)}' must be the slug of another comparison "
                + $"({Identifiers.SlugRule})");
        }

        if (related.Distinct(StringComparer.Ordinal).Count() != related.Count)
        {
            fields.Reject("related", "'related' names a comparison twice");
        }

        if (slug is not null && ReservedSlugs.Problem(slug) is { } taken)
        {
            fields.Reject("slug", taken);
        }

        if (fields.HasErrors)
        {
            return null;
        }

        return new ArticleFrontMatter
        {
            Title = title!,
            Description = description!,
            Slug = slug!,
            Published = published!.Value,
            Updated = updated!.Value,
            Author = string.Intern(author!),
            Frameworks = [.. frameworks.Select(string.Intern)],
            Suite = string.Intern(suite!),
            Origin = origin,
            Draft = draft,
            Withdrawn = withdrawn,
            Aliases = aliases,
            Image = image,
            ServerPrice = serverPrice,
            Claims = claims,
            MaxDataAge = [.. maxDataAge.Select(m => new DataAgeLimit(m.Name, m.Value, m.Line))],
            Tags = tags,
            Related = related,
            RelatedLine = fields.LineOf("related"),
            Verdict = verdict,
            VerdictLine = fields.LineOf("verdict"),
            Headline = headline,
            HeadlineLine = fields.LineOf("headline"),
        };
    }

    // Two names that make one slug ("Web frameworks", "web-frameworks") would be one page: the editor picks one.
    private static List<ArticleTag> ReadTags(IReadOnlyList<string> names, FrontMatterFields fields)
    {
        var tags = new List<ArticleTag>();
        foreach (var name in names)
        {
            var tagSlug = ArticleTag.SlugOf(name);
            if (tagSlug is null)
            {
                fields.Reject(
                    "tags",
                    $"tag '{Identifiers.Shorten(name)}' needs letters or digits for its page's address "
                    + "(at most 100 once written as a slug)");
            }
            else if (tags.FirstOrDefault(t => t.Slug == tagSlug) is { } same)
            {
                fields.Reject(
                    "tags", $"tags '{same.Name}' and '{name}' name the same tag ({SiteAddresses.Tag(tagSlug)})");
            }
            else
            {
                tags.Add(new ArticleTag(string.Intern(name), string.Intern(tagSlug)));
            }
        }

        return tags;
    }

    private static void CheckSectionsAreDistinct(List<LoadedSection> sections, List<ContentDiagnostic> diagnostics)
    {
        foreach (var group in sections.GroupBy(s => s.Anchor).Where(g => g.Count() > 1))
        {
            foreach (var section in group.Skip(1))
            {
                diagnostics.Add(ContentDiagnostic.Error(
                    section.File,
                    1,
                    $"anchor '{group.Key}' is already used by {group.First().File}; "
                    + "give this section its own 'anchor'"));
            }
        }

        foreach (var group in sections.GroupBy(s => s.Order).Where(g => g.Count() > 1))
        {
            foreach (var section in group.Skip(1))
            {
                diagnostics.Add(ContentDiagnostic.Error(
                    section.File,
                    1,
                    $"order {group.Key} is already used by {group.First().File}; each section needs its own place"));
            }
        }
    }

    private async Task<FrontMatterDocument?> ReadAsync(
        string contentRoot, string path, string file, List<ContentDiagnostic> diagnostics,
        CancellationToken cancellationToken)
    {
        var (text, problem) = await InputFiles.ReadTextAsync(
            InputRoot.Content(contentRoot), path, options.MaxFileBytes, cancellationToken);
        if (text is null)
        {
            diagnostics.Add(ContentDiagnostic.Error(file, 0, problem!));
            return null;
        }

        return FrontMatterDocument.Parse(text, file, diagnostics);
    }

    internal static string AnchorFromTitle(string title)
    {
        var slug = NonWordRun().Replace(title.ToLowerInvariant(), "-").Trim('-');
        return slug.Length > 0 && char.IsAsciiLetter(slug[0]) ? slug : "section-" + slug;
    }

    private static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NonWordRun();
}

/// <summary>
/// The outcome of loading one folder: the article when it is sound, and every problem found either way.
/// </summary>
internal sealed record ComparisonLoadResult(
    string FolderName,
    ComparisonArticle? Article,
    IReadOnlyList<ContentDiagnostic> Diagnostics);
