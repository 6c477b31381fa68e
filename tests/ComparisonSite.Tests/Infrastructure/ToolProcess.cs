namespace ComparisonSite.Tests.Infrastructure;

/// <summary>
/// Every child process a test starts (the site, its verbs, the publish script, the HTML checker, Lighthouse) is
/// built here: program, arguments, environment, working directory, and output captured unless told otherwise.
/// </summary>
internal static class ToolProcess
{
    /// <summary>How long a run may take before it is killed, unless the caller says otherwise.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(180);

    /// <summary>
    /// The start info for a process. <paramref name="unset"/> names inherited variables to remove before
    /// <paramref name="environment"/> is applied, so nothing from the test run can make the child work by accident.
    /// </summary>
    public static ProcessStartInfo StartInfo(
        string program,
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string>? environment = null,
        string? workingDirectory = null,
        IEnumerable<string>? unset = null,
        bool captureOutput = true)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = captureOutput,
            RedirectStandardError = captureOutput,
        };
        if (workingDirectory is not null)
        {
            start.WorkingDirectory = workingDirectory;
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in unset ?? [])
        {
            start.Environment.Remove(name);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        return start;
    }

    /// <summary>Starts a process and leaves it running; the caller reads its output and waits for it.</summary>
    public static Process Start(ProcessStartInfo start) =>
        Process.Start(start) ?? throw new InvalidOperationException($"{start.FileName} did not start");

    /// <summary>Runs a process to its end; kills it and throws <see cref="TimeoutException"/> past the limit.</summary>
    public static async Task<ProcessResult> RunAsync(ProcessStartInfo start, TimeSpan? timeout = null)
    {
        var limit = timeout ?? DefaultTimeout;
        using var process = Start(start);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{start.FileName} did not finish within {limit.TotalSeconds} s");
        }

        return new ProcessResult(process.ExitCode, await output, await error);
    }

    /// <inheritdoc cref="RunAsync(ProcessStartInfo, TimeSpan?)"/>
    public static Task<ProcessResult> RunAsync(
        string program,
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string>? environment = null,
        string? workingDirectory = null,
        TimeSpan? timeout = null) =>
        RunAsync(StartInfo(program, arguments, environment, workingDirectory), timeout);
}
