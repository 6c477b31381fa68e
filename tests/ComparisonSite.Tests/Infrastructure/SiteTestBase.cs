namespace ComparisonSite.Tests.Infrastructure;

/// <summary>
/// A test class whose every test gets the real site in-process (<see cref="TestSite"/>) over a fresh database,
/// created before the test and disposed after it; the repository's own content unless another is given.
/// </summary>
public abstract class SiteTestBase(PostgresFixture postgres, string? content = null)
    : IAsyncLifetime, IClassFixture<PostgresFixture>
{
    private protected TestSite Site { get; private set; } = null!;

    public async Task InitializeAsync() => Site = await TestSite.CreateAsync(postgres, content);

    public async Task DisposeAsync() => await Site.DisposeAsync();
}
