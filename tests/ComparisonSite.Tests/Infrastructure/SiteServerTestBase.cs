namespace ComparisonSite.Tests.Infrastructure;

/// <summary>
/// A test class whose tests share the real Kestrel server (<see cref="SiteServer"/>, not a test host) over a fresh
/// database, started once for the class: for requests only a real socket carries, which must leave the server as
/// they found it (each test also proves the server still answers after the ones before it).
/// </summary>
public abstract class SiteServerTestBase(SharedSiteServer shared) : IClassFixture<SharedSiteServer>
{
    private protected SiteServer Site => shared.Site;
}

/// <summary>The one site process of a <see cref="SiteServerTestBase"/> class, on the run's shared PostgreSQL.</summary>
public sealed class SharedSiteServer : IAsyncLifetime
{
    private readonly PostgresFixture _postgres = new();

    public SiteServer Site { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await _postgres.InitializeAsync();
        Site = await SiteServer.StartAsync(await _postgres.CreateSeededDatabaseAsync());
    }

    public async Task DisposeAsync()
    {
        if (Site is not null)
        {
            await Site.DisposeAsync();
        }

        await _postgres.DisposeAsync();
    }
}
