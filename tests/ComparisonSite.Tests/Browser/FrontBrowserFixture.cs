using ComparisonSite.Tests.Front;

namespace ComparisonSite.Tests.Browser;

/// <summary>
/// As <see cref="BrowserFixture"/>, over the repository's content plus the front-site fixtures, so the home page
/// lists several comparisons, tags have pages and the seed article has related comparisons.
/// </summary>
public sealed class FrontBrowserFixture : BrowserFixture, IDisposable
{
    private readonly FrontSiteContent _content = new();

    protected override IReadOnlyDictionary<string, string>? SiteEnvironment =>
        new Dictionary<string, string> { ["Content__Path"] = _content.Folder };

    public void Dispose() => _content.Dispose();
}
