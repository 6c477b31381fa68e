using ComparisonSite.Content;
using ComparisonSite.Tests.Front;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ComparisonSite.Tests.Hosting;

/// <summary>
/// The first answer does not wait for every comparison to load: a comparison's page waits for its own folder,
/// read ahead of the rest, while listings, search and readiness wait for the whole content. One folder of the
/// front-site fixtures is held back in the whole-content load until the test lets it go.
/// </summary>
public sealed class EarlyServingTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>, IDisposable
{
    private static readonly TimeSpan Promptly = TimeSpan.FromSeconds(15);
    private readonly FrontSiteContent _content = new();

    [Fact]
    public async Task A_comparison_is_served_while_another_folder_still_loads_and_listings_wait_for_all()
    {
        var held = new HeldFolder("lonely-databases");
        await using var site = SiteFactory.Create(_content.Folder, await postgres.CreateSeededDatabaseAsync())
            .WithWebHostBuilder(b => b.ConfigureTestServices(
                services => services.AddSingleton<IFolderLoadObserver>(held)));
        var reader = site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var library = site.Services.GetRequiredService<ContentLibrary>();
        using var releaseOnFailure = new ReleaseOnDispose(held);
        await held.Reached.WaitAsync(Promptly);

        using var article = await reader.GetAsync("/go-routers").WaitAsync(Promptly);
        var home = reader.GetAsync("/");
        var unknown = reader.GetAsync("/no-such-comparison");
        using var ready = await reader.GetAsync("/healthz/ready").WaitAsync(Promptly);
        await Task.Delay(300);

        Assert.Equal(HttpStatusCode.OK, article.StatusCode);
        Assert.Contains("Gin vs Chi", (await SiteFactory.ParseAsync(article)).Title, StringComparison.Ordinal);
        Assert.False(library.FirstLoad.IsCompleted);
        Assert.NotEqual(HttpStatusCode.OK, ready.StatusCode);
        // The home page lists every comparison, and an unknown slug may be an alias a folder not yet read declares.
        Assert.False(home.IsCompleted);
        Assert.False(unknown.IsCompleted);

        held.Release();
        using var homeAnswer = await home.WaitAsync(Promptly);
        using var unknownAnswer = await unknown.WaitAsync(Promptly);
        Assert.Equal(HttpStatusCode.OK, homeAnswer.StatusCode);
        Assert.Contains(
            (await SiteFactory.ParseAsync(homeAnswer)).QuerySelectorAll(".entry-title a"),
            a => a.GetAttribute("href") == "/lonely-databases");
        Assert.Equal(HttpStatusCode.NotFound, unknownAnswer.StatusCode);
        await Eventually.TrueAsync(
            async () => (await reader.GetAsync("/healthz/ready")).StatusCode == HttpStatusCode.OK, Promptly);
    }

    public void Dispose() => _content.Dispose();

    // A failing assertion must not leave the load held: the site's disposal would wait for it.
    private sealed class ReleaseOnDispose(HeldFolder held) : IDisposable
    {
        public void Dispose() => held.Release();
    }

    /// <summary>Holds the whole-content load of one folder until released.</summary>
    private sealed class HeldFolder(string name) : IFolderLoadObserver
    {
        private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Reached => _reached.Task;

        public void Release() => _released.TrySetResult();

        public async Task BeforeFolderAsync(string folderName, CancellationToken cancellationToken)
        {
            if (folderName == name)
            {
                _reached.TrySetResult();
                await _released.Task.WaitAsync(cancellationToken);
            }
        }
    }
}
