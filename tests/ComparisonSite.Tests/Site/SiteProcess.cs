using System.Diagnostics;

namespace ComparisonSite.Tests.Site;

/// <summary>Runs the site's executable as a separate process, the way an editor or an operator runs a verb.</summary>
internal static class SiteProcess
{
    public sealed record Result(int ExitCode, string Output, string Error);

    public static async Task<Result> RunVerbAsync(string connectionString, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = SiteRoot.Locate(null).Path,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ComparisonSite.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ConnectionStrings__Results"] = connectionString;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return new Result(process.ExitCode, await output, await error);
    }
}
