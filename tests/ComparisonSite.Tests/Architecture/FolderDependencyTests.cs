using Xunit.Abstractions;

namespace ComparisonSite.Tests.Architecture;

/// <summary>
/// The site's top-level folders form layers: no two depend on each other, directly or through others, so each
/// can be read (and changed) knowing only the folders below it. README's architecture section lists the layers.
/// </summary>
public sealed class FolderDependencyTests(ITestOutputHelper output)
{
    private static readonly string SiteAssembly = Path.Combine(AppContext.BaseDirectory, "ComparisonSite.dll");

    [Fact]
    public void No_two_top_level_folders_depend_on_each_other()
    {
        var graph = FolderDependencies.Read(SiteAssembly);
        var cycles = FolderDependencies.Cycles(graph);

        // The layers as README's architecture section lists them (shown with --logger "console;verbosity=detailed").
        foreach (var (folder, uses) in graph.OrderBy(g => g.Value.Count).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"{folder} uses {string.Join(", ", uses.Keys.Order(StringComparer.Ordinal))}");
        }

        Assert.True(cycles.Count == 0, "folders that depend on each other:\n" + string.Join("\n", cycles));
    }

    [Fact]
    public void The_check_finds_a_cycle_when_there_is_one()
    {
        var graph = new Dictionary<string, Dictionary<string, string>>
        {
            ["A"] = new() { ["B"] = "A.X uses B.Y" },
            ["B"] = new() { ["C"] = "B.Y uses C.Z" },
            ["C"] = new() { ["A"] = "C.Z uses A.X" },
            ["D"] = new() { ["A"] = "D.W uses A.X" },
        };

        var cycle = Assert.Single(FolderDependencies.Cycles(graph));

        Assert.StartsWith("A, B, C", cycle, StringComparison.Ordinal);
        Assert.Contains("C → A: C.Z uses A.X", cycle, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_source_file_declares_the_namespace_of_its_folder()
    {
        var root = SiteRoot.Locate(null).Combine(Path.Combine("src", "ComparisonSite"));
        var wrong = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Select(f => (File: Path.GetRelativePath(root, f), Declared: DeclaredNamespace(f)))
            .Where(f => !f.File.StartsWith("obj", StringComparison.Ordinal)
                        && !f.File.StartsWith("bin", StringComparison.Ordinal))
            .Where(f => f.Declared is not null && f.Declared != Expected(f.File))
            .Select(f => $"{f.File}: namespace {f.Declared}, expected {Expected(f.File)}")
            .ToList();

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    private static string Expected(string relativeFile)
    {
        var folder = Path.GetDirectoryName(relativeFile) ?? "";
        return folder.Length == 0
            ? "ComparisonSite"
            : "ComparisonSite." + folder.Replace(Path.DirectorySeparatorChar, '.');
    }

    private static string? DeclaredNamespace(string file) => File.ReadLines(file)
        .Where(l => l.StartsWith("namespace ", StringComparison.Ordinal))
        .Select(l => l["namespace ".Length..].TrimEnd(';', ' '))
        .FirstOrDefault();
}
