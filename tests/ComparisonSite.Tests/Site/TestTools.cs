using System.Diagnostics;

namespace ComparisonSite.Tests.Site;

/// <summary>
/// The command-line tools under tests/tools/node_modules (installed by scripts/prerequisites) and the machine's
/// Chromium and Java. A missing tool fails the test with the command that installs it; nothing is skipped.
/// </summary>
internal static class TestTools
{
    public static string Chromium => Require("/usr/bin/chromium", "apt-get install -y chromium (scripts/prerequisites does it)");

    public static string Module(string relativePath) =>
        Require(Path.Combine(SiteRoot.Locate(null).Combine("tests/tools/node_modules"), relativePath), "scripts/prerequisites (npm ci in tests/tools)");

    /// <summary>Chromium flags for a headless run as root on a closed network.</summary>
    public const string ChromiumFlags = "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run --disable-background-networking --disable-component-update --disable-sync --disable-quic";

    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(string program, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null, int timeoutSeconds = 180)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(timeoutSeconds));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} did not finish within {timeoutSeconds} s");
        }

        return (process.ExitCode, await output, await error);
    }

    private static string Require(string path, string install)
    {
        Assert.True(File.Exists(path), $"{path} is missing; install it with: {install}");
        return path;
    }
}
