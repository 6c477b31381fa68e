namespace ComparisonSite;

/// <summary>How bad a content problem is: an error keeps the file out of the site, a warning does not.</summary>
public enum DiagnosticSeverity
{
    Warning,
    Error,
}

/// <summary>
/// One problem found in an editor's file, pointing at the file and line so the editor can go straight to it.
/// </summary>
/// <param name="Severity">Errors keep the file out of the site; warnings do not.</param>
/// <param name="File">Path relative to the content root, with forward slashes.</param>
/// <param name="Line">1-based line in the file; 0 when the problem is with the file as a whole.</param>
/// <param name="Message">What is wrong and what was expected, in words an editor acts on.</param>
public sealed record ContentDiagnostic(DiagnosticSeverity Severity, string File, int Line, string Message)
{
    public static ContentDiagnostic Error(string file, int line, string message) =>
        new(DiagnosticSeverity.Error, file, line, message);

    public static ContentDiagnostic Warning(string file, int line, string message) =>
        new(DiagnosticSeverity.Warning, file, line, message);

    public override string ToString() =>
        $"{File}:{Line}: {(Severity == DiagnosticSeverity.Error ? "error" : "warning")}: {Message}";
}
