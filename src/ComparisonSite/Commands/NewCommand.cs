using System.CommandLine;
using ComparisonSite.Content;
using ComparisonSite.Editing;
using ComparisonSite.Results.Import;
using ComparisonSite.Results.Migrations;
using ComparisonSite.Results.Store;

namespace ComparisonSite.Commands;

/// <summary>
/// <c>new SLUG --title … --frameworks a,b --suite S</c>: scaffolds a comparison folder (see
/// <see cref="ComparisonScaffold"/>) after checking the slug, the folder and, against the store's catalog, the
/// suite and frameworks; refuses with the reason (exit code 1) and writes nothing otherwise.
/// </summary>
internal static class NewCommand
{
    public static Command Create(SiteRoot root)
    {
        var slug = new Argument<string>("slug")
        {
            Description = "The comparison's address and folder name (" + Identifiers.SlugRule + ").",
        };
        var title = new Option<string>("--title") { Description = "The article's title.", Required = true };
        var frameworks = new Option<string>("--frameworks")
        {
            Description = "The frameworks compared, as catalog slugs separated by commas, in the article's order.",
            Required = true,
        };
        var suite = new Option<string>("--suite")
        {
            Description = "The benchmark suite whose runs the article cites.",
            Required = true,
        };
        var contentPath = new Option<string?>("--content")
        {
            Description = "The content folder to write into (default: the site's content/).",
        };
        var command = new Command(
            "new",
            "Scaffold a comparison: index.md and section files with front matter and placeholder text showing "
            + "where data references go, ready for `check --strict`.")
        {
            slug, title, frameworks, suite, contentPath,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var name = parse.GetValue(slug)!;
            var chosen = parse.GetValue(frameworks)!.Split(',', StringSplitOptions.TrimEntries)
                .Where(f => f.Length > 0).ToList();
            var suiteName = parse.GetValue(suite)!.Trim();
            var titleText = parse.GetValue(title)!.Trim();
            if (Problem(name, titleText, chosen) is { } problem)
            {
                return await FailAsync(problem);
            }

            await using var services =
                await SiteCommands.StartStoreAsync(root, cancellationToken, parse.GetValue(contentPath));
            var folder = Path.Combine(services.Get<ContentLibrary>().RootPath, name);
            if (Directory.Exists(folder) || File.Exists(folder))
            {
                return await FailAsync(
                    $"{Shown(folder)} already exists; edit it there, or choose another slug. Nothing written.");
            }

            await services.Get<MigrationRunner>().MigrateAsync(cancellationToken);
            await services.Get<SeedImporter>().SeedIfEmptyAsync(cancellationToken);
            var results = services.Get<ResultsStore>();
            await results.ReloadAsync(cancellationToken);
            var snapshot = results.Current!;
            if (CatalogProblem(snapshot, chosen, suiteName) is { } unknown)
            {
                return await FailAsync(unknown);
            }

            var files = ComparisonScaffold.Files(
                name, titleText, chosen, suiteName, snapshot, DateOnly.FromDateTime(DateTime.UtcNow));
            Directory.CreateDirectory(folder);
            foreach (var (file, text) in files)
            {
                await File.WriteAllTextAsync(Path.Combine(folder, file), text, cancellationToken);
            }

            Console.WriteLine($"Created {Shown(folder)}/ ({string.Join(", ", files.Select(f => f.File))}), "
                + "a draft. Replace the placeholder prose, then run `check --strict`.");
            return 0;
        });
        return command;
    }

    private static string? Problem(string slug, string title, List<string> frameworks)
    {
        if (!Identifiers.IsSlug(slug))
        {
            return $"'{FieldRules.Escape(Identifiers.Shorten(slug))}' is not a valid slug ({Identifiers.SlugRule}). "
                + "Nothing written.";
        }

        if (ReservedSlugs.Problem(slug) is { } taken)
        {
            return $"{taken}; choose another slug. Nothing written.";
        }

        if (title.Length == 0)
        {
            return "--title must not be empty. Nothing written.";
        }

        if (frameworks.Count == 0)
        {
            return "--frameworks must name at least one framework. Nothing written.";
        }

        return frameworks.Distinct(StringComparer.Ordinal).Count() != frameworks.Count
            ? "--frameworks names a framework twice. Nothing written."
            : null;
    }

    private static string? CatalogProblem(ResultsSnapshot snapshot, List<string> frameworks, string suite)
    {
        if (!snapshot.RunsBySuite.ContainsKey(suite))
        {
            var known = string.Join(", ", snapshot.RunsBySuite.Keys.Order(StringComparer.Ordinal));
            return $"unknown suite '{FieldRules.Escape(Identifiers.Shorten(suite))}': the results store has no run "
                + $"of it (known: {known}). Nothing written.";
        }

        var unknown = frameworks.Where(f => !snapshot.Frameworks.ContainsKey(f)).ToList();
        if (unknown.Count == 0)
        {
            return null;
        }

        var names = string.Join(", ", unknown.Select(f => $"'{FieldRules.Escape(Identifiers.Shorten(f))}'"));
        var catalog = string.Join(", ", snapshot.Frameworks.Keys.Order(StringComparer.Ordinal));
        return $"unknown framework{(unknown.Count == 1 ? "" : "s")} {names} (known: {catalog}). Nothing written.";
    }

    private static async Task<int> FailAsync(string message)
    {
        await Console.Error.WriteLineAsync($"error: {message}");
        return 1;
    }

    private static string Shown(string path) =>
        Path.GetRelativePath(Directory.GetCurrentDirectory(), path).Replace('\\', '/');
}
