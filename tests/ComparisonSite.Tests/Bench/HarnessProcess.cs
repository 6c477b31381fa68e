namespace ComparisonSite.Tests.Bench;

/// <summary>
/// Runs bench/frameworks/run for real: the apps on their servers, a private PostgreSQL, wrk and h2load. The
/// harness installs the Debian packages it needs itself; if it cannot run, the calling test fails with its output.
/// </summary>
internal static class HarnessProcess
{
    // Generous: the full smoke run takes about 90 s on an idle 2-core machine, but beside the rest of the suite on
    // the same 2 cores it took 4 to 6 minutes, and once over 6 (2026-12-07, with a settle of the statement count
    // after every cell): starved of CPU, not stuck. A hang still ends here.
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(10);

    public static Task<ProcessResult> RunAsync(
        IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var root = SiteRoot.Locate(null);
        var start = ToolProcess.StartInfo(
            "bash",
            [root.Combine("bench/frameworks/run"), .. arguments],
            environment,
            root.Path,
            unset: ["FRAMEWORKS_BENCH_FAULT", "PGHOST", "PGPORT", "PGUSER", "PGDATABASE", "PGPASSWORD"]);
        return ToolProcess.RunAsync(start, Limit);
    }

    /// <summary>The environment that makes one app misbehave (the apps' test hook, bench/frameworks/spec.md).</summary>
    public static Dictionary<string, string> Fault(string fault) => new() { ["FRAMEWORKS_BENCH_FAULT"] = fault };
}
