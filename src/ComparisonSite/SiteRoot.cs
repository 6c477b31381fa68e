// The record's Path property hides System.IO.Path inside the type.
using IOPath = System.IO.Path;

namespace ComparisonSite;

/// <summary>
/// The folder that holds content/, wwwroot/ and migrations/: the repository root in development, the app
/// folder when published. Found once at start-up so every feature resolves its files from one place.
/// </summary>
public sealed record SiteRoot(string Path)
{
    public const string ConfigurationKey = "Site:Root";

    public static SiteRoot Locate(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return new SiteRoot(IOPath.GetFullPath(configured));
        }

        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (Directory.Exists(IOPath.Combine(dir.FullName, "content"))
                    && Directory.Exists(IOPath.Combine(dir.FullName, "wwwroot")))
                {
                    return new SiteRoot(dir.FullName);
                }
            }
        }

        throw new InvalidOperationException(
            "Cannot find the site root (a folder with content/ and wwwroot/) above "
            + $"{Directory.GetCurrentDirectory()} or {AppContext.BaseDirectory}; "
            + $"set {ConfigurationKey} or the environment variable Site__Root.");
    }

    public string Combine(string relative) => IOPath.Combine(Path, relative);
}
