using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using static ComparisonSite.Identifiers;

namespace ComparisonSite.Results.Import;

/// <summary>
/// Parses results in long form (<c>framework,scenario,metric,value</c>, one measurement a line) for a run whose
/// fields come from the command line. CSV cannot declare catalog entries: every slug must already be known.
/// </summary>
public static class CsvRunParser
{
    private static readonly string[] Columns = ["framework", "scenario", "metric", "value"];

    private const string StrayQuote =
        "a double quote inside a field that is not quoted, or after a quoted field's closing quote (quote the "
        + "whole field and double each quote inside it)";

    public static ParsedRun Parse(TextReader reader, string suite, string? suiteTitle, RunInfo run)
    {
        var problems = new List<ImportProblem>();
        var rows = new List<ResultRow>();
        var slugs = new List<ResultSlugs>();
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            HasHeaderRecord = true,
            TrimOptions = TrimOptions.Trim,
            DetectDelimiter = false,
            IgnoreBlankLines = true,
            BadDataFound = args => problems.Add(new ImportProblem(
                $"line {args.Context.Parser?.RawRow}", "malformed CSV field: " + StrayQuote)),
            MissingFieldFound = null,
        };

        using var csv = new CsvReader(reader, configuration);
        try
        {
            if (!csv.Read() || !csv.ReadHeader())
            {
                return new ParsedRun(null, [new ImportProblem(
                    "line 1", "the file is empty; expected the header framework,scenario,metric,value")]);
            }

            var header = csv.HeaderRecord!.Select(h => h.Trim().TrimStart('\uFEFF').ToLowerInvariant()).ToArray();
            if (HeaderProblem(header) is { } headerProblem)
            {
                return new ParsedRun(null, [new ImportProblem("line 1", headerProblem)]);
            }

            while (csv.Read())
            {
                var line = $"line {csv.Parser.RawRow}";
                if (csv.Parser.Count != Columns.Length)
                {
                    problems.Add(new ImportProblem(line, $"expected 4 fields, found {csv.Parser.Count}"));
                    continue;
                }

                var row = ReadRow(csv, line, problems, slugs);
                if (row is not null)
                {
                    rows.Add(row);
                }
            }
        }
        catch (CsvHelperException ex)
        {
            // CsvHelper's messages quote the record; the line is what an editor needs.
            var message = ex is BadDataException ? StrayQuote : "the reader cannot go on from this line";
            problems.Add(new ImportProblem($"line {ex.Context?.Parser?.RawRow}", "malformed CSV: " + message));
        }

        if (rows.Count == 0 && problems.Count == 0)
        {
            problems.Add(new ImportProblem("line 2", "the file has a header but no results"));
        }

        // The suite and run id come from the command line, not the file; they obey the same rules as a document's.
        if (!IsSlug(suite))
        {
            problems.Add(new ImportProblem("--suite", $"expected a slug ({SlugRule}), found \"{Quote(suite)}\""));
        }

        if (!IsRunId(run.Id))
        {
            problems.Add(new ImportProblem("--run-id", $"expected {RunIdRule}, found \"{Quote(run.Id)}\""));
        }

        problems.AddRange(CheckOptions(suiteTitle, run));

        var document = new RunDocument { Suite = suite, SuiteTitle = suiteTitle, Run = run, Results = rows };
        problems.AddRange(RunDocumentRules.Check(document));
        var use = new CatalogUse { Results = slugs };
        return problems.Count == 0
            ? new ParsedRun(document, []) { Use = use }
            : new ParsedRun(null, problems) { Use = use };
    }

    private static ResultRow? ReadRow(
        CsvReader csv, string line, List<ImportProblem> problems, List<ResultSlugs> uses)
    {
        var slugs = new string[3];
        var valid = true;
        for (var i = 0; i < 3; i++)
        {
            slugs[i] = csv.GetField(i)?.Trim() ?? string.Empty;
            if (!Identifiers.IsSlug(slugs[i]))
            {
                problems.Add(new ImportProblem($"{line}, column {Columns[i]}",
                    "expected a slug (lower-case letters, digits and hyphens), found "
                    + FieldRules.Described(slugs[i])));
                valid = false;
            }
        }

        uses.Add(new ResultSlugs(Usable(slugs[0]), Usable(slugs[1]), Usable(slugs[2]), line));
        var text = csv.GetField(3)?.Trim() ?? string.Empty;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            || !double.IsFinite(value))
        {
            problems.Add(new ImportProblem(
                $"{line}, column value",
                $"expected a finite number such as 8520 or 0.7, found {FieldRules.Described(text)}"));
            return null;
        }

        if (value < 0)
        {
            problems.Add(new ImportProblem($"{line}, column value", "expected zero or more, found a negative number"));
            return null;
        }

        return valid ? new ResultRow(slugs[0], slugs[1], slugs[2], value, null, line) : null;
    }

    /// <summary>
    /// The run's fields from the command line keep the rules a document's do: text without control characters
    /// (notes may hold line feeds and tabs), a date from 1990 to tomorrow.
    /// </summary>
    private static IEnumerable<ImportProblem> CheckOptions(string? suiteTitle, RunInfo run)
    {
        var texts = new (string Option, string? Text, bool Multiline)[]
        {
            ("--suite-title", suiteTitle, false),
            ("--title", run.Title, false),
            ("--source", run.Source, false),
            ("--notes", run.Notes, true),
        };
        foreach (var (option, text, multiline) in texts)
        {
            if (text is not null && FieldRules.TextProblem(text, multiline) is { } problem)
            {
                yield return new ImportProblem(option, problem);
            }
        }

        if (FieldRules.DateProblem(run.Date) is { } dateProblem)
        {
            yield return new ImportProblem("--date", dateProblem);
        }
    }

    // Where a header differs from the one expected, named by column, never quoted: the first line of a file that
    // is no results file at all (a linked secret) must not be printed.
    private static string? HeaderProblem(string[] header)
    {
        const string expected = "expected the header framework,scenario,metric,value";
        if (header.Length != Columns.Length)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"{expected}, found a header of {header.Length} column{(header.Length == 1 ? "" : "s")}");
        }

        var column = Enumerable.Range(0, Columns.Length).FirstOrDefault(i => header[i] != Columns[i], -1);
        return column < 0
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"{expected}; column {column + 1} is not {Columns[column]}");
    }

    private static string? Usable(string slug) => IsSlug(slug) ? slug : null;

    private static string Quote(string? text) => FieldRules.Escape(Shorten(text));
}
