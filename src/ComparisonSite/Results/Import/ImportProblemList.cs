using System.Globalization;
using System.Text.RegularExpressions;

namespace ComparisonSite.Results.Import;

/// <summary>
/// How an import's problems are shown to an editor: each as <c>file:line: field: message</c>, at most
/// <see cref="Shown"/> a file (a huge bad file must not flood the terminal), then one outcome line worded the same
/// in every path: <c>file: not imported: 3 problems</c>.
/// </summary>
public static partial class ImportProblemList
{
    /// <summary>The most problems listed for one file; the rest are counted.</summary>
    public const int Shown = 50;

    /// <summary>The problems with the file's line of each: a JSON value's line, or a CSV row's.</summary>
    public static IReadOnlyList<ImportProblem> WithLines(IReadOnlyList<ImportProblem> problems, byte[]? json)
    {
        var index = json is null ? null : JsonLineIndex.Build(json);
        return [.. problems.Select(p => p with
        {
            Line = p.Line
                ?? (LinePrefix().Match(p.Location) is { Success: true } m
                    ? int.Parse(m.Groups[1].ValueSpan, CultureInfo.InvariantCulture)
                    : p.Location.StartsWith('$') ? index?.LineOf(p.Location) : null),
        })];
    }

    /// <summary>The lines to print for one file's problems, the outcome line last.</summary>
    public static IEnumerable<string> Lines(string file, IReadOnlyList<ImportProblem> problems)
    {
        foreach (var problem in problems.Take(Shown))
        {
            yield return Describe(file, problem);
        }

        if (problems.Count > Shown)
        {
            yield return $"{file}: … and {Count(problems.Count - Shown)} more";
        }

        yield return Outcome(file, problems.Count);
    }

    /// <summary>"data.json: not imported: 1 problem".</summary>
    public static string Outcome(string file, int problems) => $"{file}: not imported: {Count(problems)}";

    /// <summary>"data.json:12: $.results[3].metric: unknown metric …", "data.csv:4: column value: …".</summary>
    public static string Describe(string file, ImportProblem problem)
    {
        if (problem.Line is not { } line)
        {
            return $"{file}: {problem}";
        }

        // A CSV location repeats the row ("line 4, column value"): keep only the field.
        var field = LinePrefix().Replace(problem.Location, string.Empty).TrimStart(',', ' ');
        var where = string.Create(CultureInfo.InvariantCulture, $"{file}:{line}");
        return field.Length == 0 ? $"{where}: {problem.Message}" : $"{where}: {field}: {problem.Message}";
    }

    private static string Count(int problems) =>
        string.Create(CultureInfo.InvariantCulture, $"{problems} problem{(problems == 1 ? "" : "s")}");

    [GeneratedRegex(@"^line (\d+)")]
    private static partial Regex LinePrefix();
}
