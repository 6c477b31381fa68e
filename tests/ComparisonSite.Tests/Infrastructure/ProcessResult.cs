namespace ComparisonSite.Tests.Infrastructure;

/// <summary>How a child process ended: its exit code and everything it wrote.</summary>
internal sealed record ProcessResult(int ExitCode, string Output, string Error);
