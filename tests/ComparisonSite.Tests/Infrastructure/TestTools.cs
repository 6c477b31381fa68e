namespace ComparisonSite.Tests.Infrastructure;

/// <summary>
/// The command-line tools under tests/tools/node_modules (installed by scripts/prerequisites) and the machine's
/// Chromium and Java. A missing tool fails the test with the command that installs it; nothing is skipped.
/// Run them with <see cref="ToolProcess"/>.
/// </summary>
internal static class TestTools
{
    public static string Chromium =>
        Require("/usr/bin/chromium", "apt-get install -y chromium (scripts/prerequisites does it)");

    /// <summary>
    /// The same Chromium without its browser shell (the old headless mode, a separate Debian package): what
    /// Playwright drives. It renders with the same engine at about half the CPU of the full browser in headless
    /// mode, and this suite is bound by CPU. Lighthouse keeps the full browser it is calibrated for.
    /// </summary>
    public static string HeadlessShell => Require(
        "/usr/bin/chromium-headless-shell",
        "apt-get install -y chromium-headless-shell (scripts/prerequisites does it)");

    public static string Module(string relativePath) => Require(
        Path.Combine(SiteRoot.Locate(null).Combine("tests/tools/node_modules"), relativePath),
        "scripts/prerequisites (npm ci in tests/tools)");

    /// <summary>Chromium flags for a headless run as root on a closed network.</summary>
    public const string ChromiumFlags =
        "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run "
        + "--disable-background-networking --disable-component-update --disable-sync --disable-quic";

    private static string Require(string path, string install)
    {
        Assert.True(File.Exists(path), $"{path} is missing; install it with: {install}");
        return path;
    }
}
