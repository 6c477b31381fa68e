namespace ComparisonSite.Tests.Infrastructure;

/// <summary>Where the fixture files are copied next to the test assembly.</summary>
internal static class FixturePaths
{
    public static string Root => Path.Combine(AppContext.BaseDirectory, "Fixtures");

    public static string Broken => Path.Combine(Root, "broken");

    public static string SecondSiteContent => Path.Combine(Root, "second-site", "content");

    /// <summary>A private copy of a fixture folder that a test may edit.</summary>
    public static string CopyToTemp(string source)
    {
        var target = Path.Combine(Path.GetTempPath(), "comparisonsite-tests", Guid.NewGuid().ToString("N"));
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }

        return target;
    }
}
