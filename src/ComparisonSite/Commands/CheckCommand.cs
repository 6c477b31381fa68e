using System.CommandLine;
using ComparisonSite.Articles;
using ComparisonSite.Checks;
using ComparisonSite.Content;
using ComparisonSite.Markdown.DataReferences;
using ComparisonSite.Results.Import;
using ComparisonSite.Results.Migrations;
using ComparisonSite.Results.Store;

namespace ComparisonSite.Commands;

internal static class CheckCommand
{
    public static Command Create(SiteRoot root)
    {
        var strict = new Option<bool>("--strict")
        {
            Description = "Treat warnings (such as hand-typed benchmark figures) as errors.",
        };
        var contentPath = new Option<string?>("--content")
        {
            Description = "The content folder to check (default: the site's content/).",
        };
        var command = new Command(
            "check",
            "Validate all content against the results store: front matter, data references, internal links and "
            + "anchors, hand-typed figures.")
        {
            strict, contentPath,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var services =
                await SiteCommands.StartStoreAsync(root, cancellationToken, parse.GetValue(contentPath));
            await services.Get<MigrationRunner>().MigrateAsync(cancellationToken);
            await services.Get<SeedImporter>().SeedIfEmptyAsync(cancellationToken);
            var library = services.Get<ContentLibrary>();
            await library.ReloadAsync(cancellationToken);
            var results = services.Get<ResultsStore>();
            await results.ReloadAsync(cancellationToken);

            var findings = new ContentChecker(services.Get<ArticlePageRenderer>(), services.Get<TimeProvider>())
                .Check(library.Current, results.Current!, library.RootPath, root.Combine("wwwroot"));
            var contentPrefix = Path.GetRelativePath(Directory.GetCurrentDirectory(), library.RootPath)
                .Replace('\\', '/');
            foreach (var finding in findings.OrderBy(f => f.File, StringComparer.Ordinal).ThenBy(f => f.Line))
            {
                Console.WriteLine($"{contentPrefix}/{finding}");
            }

            var errors = findings.Count(f => f.Severity == DiagnosticSeverity.Error);
            var warnings = findings.Count - errors;
            var comparisons = library.Current.Comparisons.Count;
            var strictNote = parse.GetValue(strict) ? " (strict: warnings count as errors)" : string.Empty;
            Console.WriteLine($"{comparisons} comparisons checked: {errors} errors, {warnings} warnings{strictNote}.");
            return errors > 0 || (parse.GetValue(strict) && warnings > 0) ? 1 : 0;
        });
        return command;
    }
}
