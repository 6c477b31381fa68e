namespace ComparisonSite.Tests.Infrastructure;

/// <summary>Where the fixture files are copied next to the test assembly.</summary>
internal static class FixturePaths
{
    public static string Root => Path.Combine(AppContext.BaseDirectory, "Fixtures");

    public static string Broken => Path.Combine(Root, "broken");

    public static string SecondSiteContent => Path.Combine(Root, "second-site", "content");

    /// <summary>
    /// Two published comparisons written for search ranking (one with figures in its prose), plus second-site's
    /// draft, withdrawn and tricky-character comparisons.
    /// </summary>
    public static string SearchSiteContent => Path.Combine(Root, "search-site", "content");

    /// <summary>Articles with maximum data ages and pinned runs, for the freshness notices and checks.</summary>
    public static string FreshnessSiteContent => Path.Combine(Root, "freshness-site", "content");

    /// <summary>
    /// The cases of a two-column table file under Fixtures/ (<c>hostile/request-targets.txt</c>): a line a case,
    /// the first space between the columns; blank lines and lines starting with # are left out.
    /// </summary>
    public static TheoryData<string, string> Table(params string[] path)
    {
        var data = new TheoryData<string, string>();
        var rows = File.ReadLines(Path.Combine([Root, .. path])).Where(l => l.Length > 0 && l[0] != '#');
        foreach (var row in rows)
        {
            var columns = row.Split(' ', 2);
            data.Add(columns[0], columns[1]);
        }

        return data;
    }

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
