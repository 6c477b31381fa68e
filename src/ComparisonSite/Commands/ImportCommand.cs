using System.CommandLine;
using System.Globalization;
using ComparisonSite.Results.Import;
using ComparisonSite.Results.Migrations;

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

        var command = new Command("import", "Import benchmark runs into the results store. Each file is all or "
            + "nothing; if any file has problems, none is written.")
        {
            files, suite, suiteTitle, runId, title, date, source, origin, notes, updateCatalog,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var documents = new List<(string File, RunDocument Document)>();
            var problems = 0;
            foreach (var file in parse.GetValue(files)!)
            {
                var csv = new CsvOptions(suite, suiteTitle, runId, title, date, source, origin, notes);
                var parsed = await ParseAsync(file, parse, csv, cancellationToken);
                foreach (var problem in parsed.Problems)
                {
                    await Console.Error.WriteLineAsync($"{file.Name}: {problem}");
                    problems++;
                }

                if (parsed.Succeeded)
                {
                    documents.Add((file.Name, parsed.Document!));
                }
            }

            if (problems > 0)
            {
                await Console.Error.WriteLineAsync($"Nothing imported: {problems} problem(s).");
                return 1;
            }

            await using var services = await SiteCommands.StartStoreAsync(root, cancellationToken);
            await services.Get<MigrationRunner>().MigrateAsync(cancellationToken);
            await services.Get<SeedImporter>().SeedIfEmptyAsync(cancellationToken);
            var importer = services.Get<RunImporter>();
            var options = new ImportOptions { UpdateCatalog = parse.GetValue(updateCatalog) };
            foreach (var (file, document) in documents)
            {
                var outcome = await importer.ImportAsync(document, options, cancellationToken);
                if (!outcome.Succeeded)
                {
                    foreach (var problem in outcome.Problems)
                    {
                        await Console.Error.WriteLineAsync($"{file}: {problem}");
                    }

                    await Console.Error.WriteLineAsync($"{file}: not imported.");
                    return 1;
                }

                Console.WriteLine($"{file}: imported run {outcome.RunId} ({outcome.Measurements} measurements) "
                    + $"into suite {document.Suite}.");
            }

            return 0;
        });
        return command;
    }

    private sealed record CsvOptions(
        Option<string?> Suite, Option<string?> SuiteTitle, Option<string?> RunId, Option<string?> Title,
        Option<string?> Date, Option<string?> Source, Option<string> Origin, Option<string?> Notes);

    private static async Task<ParsedRun> ParseAsync(
        FileInfo file, ParseResult parse, CsvOptions csv, CancellationToken cancellationToken)
    {
        if (!file.Exists)
        {
            return new ParsedRun(null, [new ImportProblem("file", "not found")]);
        }

        if (file.Length > RunDocumentParser.MaxBytes)
        {
            return new ParsedRun(null, [new ImportProblem(
                "file", $"{file.Length:N0} bytes is over the limit of {RunDocumentParser.MaxBytes:N0}")]);
        }

        if (file.Extension.Equals(".json", StringComparison.OrdinalIgnoreCase))
        {
            return RunDocumentParser.Parse(await File.ReadAllBytesAsync(file.FullName, cancellationToken));
        }

        if (!file.Extension.Equals(".csv", StringComparison.OrdinalIgnoreCase))
        {
            return new ParsedRun(null, [new ImportProblem("file", "expected a .json run document or a .csv file")]);
        }

        var missing = new[] { csv.Suite, csv.RunId, csv.Title, csv.Date, csv.Source }
            .Where(o => string.IsNullOrWhiteSpace(parse.GetValue(o)))
            .Select(o => o.Name)
            .ToList();
        if (missing.Count > 0)
        {
            return new ParsedRun(
                null, [new ImportProblem("options", $"a CSV import needs {string.Join(", ", missing)}")]);
        }

        var dateText = parse.GetValue(csv.Date);
        if (!DateOnly.TryParseExact(
                dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var runDate))
        {
            var found = FieldRules.Escape(Identifiers.Shorten(dateText));
            return new ParsedRun(null, [new ImportProblem("--date", $"expected YYYY-MM-DD, found \"{found}\"")]);
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
        using var reader = new StreamReader(file.FullName, detectEncodingFromByteOrderMarks: true);
        return CsvRunParser.Parse(reader, parse.GetValue(csv.Suite)!, parse.GetValue(csv.SuiteTitle), run);
    }
}
