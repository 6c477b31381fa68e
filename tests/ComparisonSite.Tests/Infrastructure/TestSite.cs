namespace ComparisonSite.Tests.Infrastructure;

/// <summary>
/// The real site in-process over a fresh database of its own on the shared PostgreSQL, in one line:
/// <c>await using var site = await TestSite.CreateAsync(postgres);</c>. The database is already migrated and
/// seeded, as a site's first start leaves it (<see cref="PostgresFixture.CreateSeededDatabaseAsync"/>; the
/// first start itself is tested on empty databases); the host starts on the first request or service lookup,
/// so a test may still change the content before then. With <c>editable: true</c> the site reads a private copy
/// of the content that the test may change, deleted with the site.
/// </summary>
internal sealed class TestSite : IAsyncDisposable
{
    private readonly bool _ownsContent;

    private TestSite(SiteFactory factory, string database, string content, bool ownsContent)
    {
        Factory = factory;
        Database = database;
        Content = content;
        _ownsContent = ownsContent;
    }

    /// <summary>The in-process host, for what a test needs beyond a reader and services.</summary>
    public SiteFactory Factory { get; }

    /// <summary>The connection string of this site's own database, for verbs and a second instance.</summary>
    public string Database { get; }

    /// <summary>The content folder the site reads.</summary>
    public string Content { get; }

    public IServiceProvider Services => Factory.Services;

    /// <param name="postgres">The shared server the new database is made on.</param>
    /// <param name="content">The content folder; the repository's own content unless given.</param>
    /// <param name="environment">The host environment; Production, as readers get it, unless given.</param>
    /// <param name="settings">Further configuration, by key (<c>Site:PublicBaseUrl</c>).</param>
    /// <param name="editable">Serve a private copy of the content that the test may edit.</param>
    public static async Task<TestSite> CreateAsync(
        PostgresFixture postgres,
        string? content = null,
        string environment = "Production",
        IReadOnlyDictionary<string, string?>? settings = null,
        bool editable = false)
    {
        var source = content ?? SiteFactory.RepositoryContent;
        var folder = editable ? FixturePaths.CopyToTemp(source) : source;
        var database = await postgres.CreateSeededDatabaseAsync();
        return new TestSite(SiteFactory.Create(folder, database, environment, settings), database, folder, editable);
    }

    /// <inheritdoc cref="SiteFactory.CreateReader"/>
    public HttpClient CreateReader() => Factory.CreateReader();

    public T Get<T>()
        where T : notnull => Factory.Get<T>();

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        if (_ownsContent)
        {
            Directory.Delete(Content, recursive: true);
        }
    }
}
