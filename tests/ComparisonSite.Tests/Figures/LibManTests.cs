using System.Text.RegularExpressions;

namespace ComparisonSite.Tests.Figures;

public sealed partial class LibManTests
{
    [Fact]
    public void The_committed_chart_js_is_the_version_libman_json_declares()
    {
        var root = SiteRoot.Locate(null);
        using var libman = JsonDocument.Parse(File.ReadAllText(root.Combine("src/ComparisonSite/libman.json")));
        var library = libman.RootElement
            .GetProperty("libraries")
            .EnumerateArray()
            .Single(l => l.GetProperty("library").GetString()!.StartsWith("chart.js@", StringComparison.Ordinal));
        var declared = library.GetProperty("library").GetString()!["chart.js@".Length..];
        var destination = Path.GetFullPath(
            Path.Combine(root.Combine("src/ComparisonSite"), library.GetProperty("destination").GetString()!));

        foreach (var file in library.GetProperty("files").EnumerateArray().Select(f => f.GetString()!))
        {
            Assert.True(
                File.Exists(Path.Combine(destination, file)),
                $"{file} declared in libman.json is not committed under {destination}");
        }

        var header = File.ReadLines(Path.Combine(destination, "dist/chart.umd.min.js")).Take(3).ToList();
        Assert.Equal(declared, VersionLine().Match(string.Join('\n', header)).Groups[1].Value);
    }

    [GeneratedRegex(@"Chart\.js v(\d+\.\d+\.\d+)")]
    private static partial Regex VersionLine();
}
