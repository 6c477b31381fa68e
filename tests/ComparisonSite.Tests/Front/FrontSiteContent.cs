namespace ComparisonSite.Tests.Front;

/// <summary>
/// The repository's content with the comparisons of Fixtures/front-site beside it (a FastAPI vs Flask and a Django
/// vs Flask on the seed's suite, a Go one sharing a tag, a lonely one, a draft and a withdrawn one), as a private
/// copy a test may edit, deleted on dispose.
/// </summary>
internal sealed class FrontSiteContent : IDisposable
{
    public const string Seed = "fastapi-vs-django-vs-flask";

    public static string Fixture => Path.Combine(FixturePaths.Root, "front-site", "content");

    public FrontSiteContent()
    {
        Folder = FixturePaths.CopyToTemp(SiteFactory.RepositoryContent);
        foreach (var file in Directory.EnumerateFiles(Fixture, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(Folder, Path.GetRelativePath(Fixture, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public string Folder { get; }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
