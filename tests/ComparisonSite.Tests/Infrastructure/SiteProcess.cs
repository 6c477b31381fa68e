namespace ComparisonSite.Tests.Infrastructure;

/// <summary>Runs the site's executable as a separate process, the way an editor or an operator runs a verb.</summary>
internal static class SiteProcess
{
    private static readonly TimeSpan VerbTimeout = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The start info for <c>dotnet ComparisonSite.dll</c> with these arguments, from the repository root
    /// (where the site finds content/ and migrations/), with the given variables set.
    /// </summary>
    public static ProcessStartInfo StartInfo(
        IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment) =>
        ToolProcess.StartInfo(
            "dotnet",
            [Path.Combine(AppContext.BaseDirectory, "ComparisonSite.dll"), .. arguments],
            environment,
            SiteRoot.Locate(null).Path);

    /// <summary>Starts a verb against the store and leaves it running, for tests that act while it works.</summary>
    public static Process StartVerb(string connectionString, params string[] arguments) =>
        ToolProcess.Start(StartInfo(arguments, Store(connectionString)));

    public static Task<ProcessResult> RunVerbAsync(string connectionString, params string[] arguments) =>
        ToolProcess.RunAsync(StartInfo(arguments, Store(connectionString)), VerbTimeout);

    private static Dictionary<string, string> Store(string connectionString) =>
        new() { ["ConnectionStrings__Results"] = connectionString };
}
