namespace ComparisonSite.Tests.Infrastructure;

/// <summary>
/// A test class whose every test gets the real Kestrel server (<see cref="SiteServer"/>, not a test host) over
/// a fresh database, started before the test and stopped after it: for requests only a real socket carries.
/// </summary>
public abstract class SiteServerTestBase(PostgresFixture postgres)
    : IAsyncLifetime, IClassFixture<PostgresFixture>
{
    private protected SiteServer Site { get; private set; } = null!;

    public async Task InitializeAsync() => Site = await SiteServer.StartAsync(await postgres.CreateDatabaseAsync());

    public async Task DisposeAsync() => await Site.DisposeAsync();
}
