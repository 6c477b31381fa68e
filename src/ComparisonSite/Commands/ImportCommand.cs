using System.CommandLine;
using System.Globalization;
using ComparisonSite.Checks.DryRun;
using ComparisonSite.Content;
using ComparisonSite.Figures;
using ComparisonSite.Files;
using ComparisonSite.Results.Import;
using ComparisonSite.Results.Migrations;
using ComparisonSite.Results.Store;

namespace ComparisonSite.Commands;

internal static class ImportCommand
{
    public static Command Create(SiteRoot root)
    {
        var files = new Argument<FileInfo[]>("file")
        {
            Arity = ArgumentArity.OneOrMore,
            Description = "Run documents (.json) or long-form results (.csv: framework,scenario,metric,value).",
        };
        var suite = new Option<string?>("--suite") { Description = "CSV only: the suite the run belongs to." };
        var suiteTitle = new Option<string?>("--suite-title")
        {
            Description = "CSV only: the suite's title, when the suite is new.",
        };
        var runId = new Option<string?>("--run-id")
        {
            Description = "CSV only: the run's id; importing an existing id replaces that run.",
        };
        var title = new Option<string?>("--title") { Description = "CSV only: the run's title." };
        var date = new Option<string?>("--date") { Description = "CSV only: the run's date, YYYY-MM-DD." };
        var source = new Option<string?>("--source") { Description = "CSV only: who produced the figures." };
        var origin = new Option<string>("--origin")
        {
            Description = "CSV only: 'measured' (our own run) or 'reported' (carried over).",
            DefaultValueFactory = _ => RunOrigin.Measured.ToText(),
        };
        origin.AcceptOnlyFromAmong(RunOrigin.Measured.ToText(), RunOrigin.Reported.ToText());
        var notes = new Option<string?>("--notes") { Description = "CSV only: notes on method and caveats." };
        var updateCatalog = new Option<bool>("--update-catalog")
        {
            Description = "Let the files' declarations change existing frameworks, scenarios and metrics "
                + "(names, units, direction) for every suite; without it such an import is refused.",
        };

        var dryRun = new Option<bool>("--dry-run")
        {
            Description = "Check the files as an import would, write nothing, and print every sentence, table cell, "
                + "best mark and chart series of the content that the runs would change.",
        };
        var contentPath = new Option<string?>("--content")
        {
            Description = "With --dry-run: the content folder to preview (default: the site's content/).",
        };

        var command = new Command("import", "Import benchmark runs into the results store. The files are all or "
            + "nothing: if any file has problems, none is written, and every problem of every file is listed.")
        {
            files, suite, suiteTitle, runId, title, date, source, origin, notes, updateCatalog, dryRun, contentPath,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var parsed = new List<(string File, ParsedRun Run, byte[]? Json)>();
            foreach (var file in parse.GetValue(files)!)
            {
                var csv = new CsvOptions(suite, suiteTitle, runId, title, date, source, origin, notes);
                var (run, json) = await ParseAsync(file, parse, csv, cancellationToken);
                parsed.Add((file.Name, run, json));
            }

            await using var services =
                await SiteCommands.StartStoreAsync(root, cancellationToken, parse.GetValue(contentPath));
            await services.Get<MigrationRunner>().MigrateAsync(cancellationToken);
            await services.Get<SeedImporter>().SeedIfEmptyAsync(cancellationToken);
            var importer = services.Get<RunImporter>();
            var options = new ImportOptions { UpdateCatalog = parse.GetValue(updateCatalog) };

            // Shape and store problems of every file, in one list per file: an editor fixes them all in one go.
            var catalog = await importer.LoadCatalogAsync(cancellationToken);
            var problems = ImportValidation.Check([.. parsed.Select(p => p.Run)], catalog, options);
            if (problems.Any(p => p.Count > 0))
            {
                await WriteProblemsAsync(parsed.Select(p => p.File), problems, parsed.Select(p => p.Json));
                return 1;
            }

            var documents = parsed.Select(p => p.Run.Document!).ToList();
            if (parse.GetValue(dryRun))
            {
                var names = parsed.Select(p => p.File).ToList();
                await PreviewAsync(services, names, documents, options, cancellationToken);
                return 0;
            }

            var outcomes = await importer.ImportAllAsync(documents, options, cancellationToken);
            if (!outcomes.All(o => o.Succeeded))
            {
                await WriteProblemsAsync(
                    parsed.Select(p => p.File), [.. outcomes.Select(o => o.Problems)], parsed.Select(p => p.Json));
                return 1;
            }

            for (var i = 0; i < documents.Count; i++)
            {
                Console.WriteLine($"{parsed[i].File}: imported run {outcomes[i].RunId} ({outcomes[i].Measurements} "
                    + $"measurements) into suite {documents[i].Suite}.");
            }

            return 0;
        });
        return command;
    }

    private static async Task WriteProblemsAsync(
        IEnumerable<string> files, IReadOnlyList<IReadOnlyList<ImportProblem>> problems, IEnumerable<byte[]?> json)
    {
        foreach (var (file, (own, bytes)) in files.Zip(problems.Zip(json)))
        {
            if (own.Count == 0)
            {
                // All or nothing: a good file waits for the others.
                await Console.Error.WriteLineAsync(
                    $"{ImportProblemList.Outcome(file, 0)} (another file has problems; the files import together)");
                continue;
            }

            foreach (var line in ImportProblemList.Lines(file, ImportProblemList.WithLines(own, bytes)))
            {
                await Console.Error.WriteLineAsync(line);
            }
        }
    }

    private static async Task PreviewAsync(
        CommandServices services,
        List<string> files,
        List<RunDocument> documents,
        ImportOptions options,
        CancellationToken cancellationToken)
    {
        var library = services.Get<ContentLibrary>();
        await library.ReloadAsync(cancellationToken);
        var results = services.Get<ResultsStore>();
        await results.ReloadAsync(cancellationToken);
        var contentPrefix = Path.GetRelativePath(Directory.GetCurrentDirectory(), library.RootPath)
            .Replace('\\', '/');
        var previews = ImportPreview.Of(
            library.Current.Comparisons.Values, results.Current!, documents, options, services.Get<FigureFormatter>(),
            contentPrefix, services.Get<TimeProvider>().GetUtcNow());
        for (var i = 0; i < documents.Count; i++)
        {
            Console.WriteLine($"{files[i]}: valid: run {documents[i].Run.Id} ({documents[i].Results.Count} "
                + $"measurements) of suite {documents[i].Suite}; dry run, nothing written.");
        }

        foreach (var line in ImportPreview.Lines(previews))
        {
            Console.WriteLine(line);
        }
    }

    private sealed record CsvOptions(
        Option<string?> Suite, Option<string?> SuiteTitle, Option<string?> RunId, Option<string?> Title,
        Option<string?> Date, Option<string?> Source, Option<string> Origin, Option<string?> Notes);

    private static async Task<(ParsedRun Run, byte[]? Json)> ParseAsync(
        FileInfo file, ParseResult parse, CsvOptions csv, CancellationToken cancellationToken)
    {
        if (file.Extension.Equals(".json", StringComparison.OrdinalIgnoreCase))
        {
            var json = await ReadAsync(file, cancellationToken);
            return json.Bytes is null ? (Unread(json), null) : (RunDocumentParser.Parse(json.Bytes), json.Bytes);
        }

        if (!file.Extension.Equals(".csv", StringComparison.OrdinalIgnoreCase))
        {
            return (new ParsedRun(
                null, [new ImportProblem("file", "expected a .json run document or a .csv file")]), null);
        }

        var missing = new[] { csv.Suite, csv.RunId, csv.Title, csv.Date, csv.Source }
            .Where(o => string.IsNullOrWhiteSpace(parse.GetValue(o)))
            .Select(o => o.Name)
            .ToList();
        if (missing.Count > 0)
        {
            return (new ParsedRun(
                null, [new ImportProblem("options", $"a CSV import needs {string.Join(", ", missing)}")]), null);
        }

        var dateText = parse.GetValue(csv.Date);
        if (!DateOnly.TryParseExact(
                dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var runDate))
        {
            var found = FieldRules.Escape(Identifiers.Shorten(dateText));
            return (new ParsedRun(
                null, [new ImportProblem("--date", $"expected YYYY-MM-DD, found \"{found}\"")]), null);
        }

        var run = new RunInfo
        {
            Id = parse.GetValue(csv.RunId)!,
            Title = parse.GetValue(csv.Title)!,
            Date = runDate,
            Source = parse.GetValue(csv.Source)!,
            Origin = RunOriginText.Parse(parse.GetValue(csv.Origin)) ?? RunOrigin.Measured,
            Notes = parse.GetValue(csv.Notes),
        };
        var bytes = await ReadAsync(file, cancellationToken);
        if (bytes.Bytes is null)
        {
            return (Unread(bytes), null);
        }

        using var reader = InputFiles.TextReader(bytes.Bytes);
        var rows = CsvRunParser.Parse(reader, parse.GetValue(csv.Suite)!, parse.GetValue(csv.SuiteTitle), run);
        return (rows, null);
    }

    // Dry run or not, JSON or CSV: a file is read by the rule every input file keeps (a regular file, within the
    // size bound, a link only within the folder it is named from).
    private static Task<InputFileBytes> ReadAsync(FileInfo file, CancellationToken cancellationToken) =>
        InputFiles.ReadBytesAsync(
            InputRoot.OfNamedFile(file.FullName), file.FullName, RunImporter.MaxFileBytes, cancellationToken);

    private static ParsedRun Unread(InputFileBytes read) => new(null, [new ImportProblem("file", read.Problem!)]);
}
