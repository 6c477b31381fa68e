namespace ComparisonSite.Tests.Caching.Edge;

/// <summary>
/// Varnish (deploy/varnish/site.vcl) in front of one site process on a seeded store, with the repository's
/// comparison under an alias (<see cref="Alias"/>), for what the edge answers to single requests: purges and
/// address variants. Requests are written byte for byte (<see cref="SendAsync"/>), as HttpClient would tidy them.
/// </summary>
internal sealed class OneInstanceEdge : IAsyncDisposable
{
    public const string Article = "/fastapi-vs-django-vs-flask";

    /// <summary>An old slug of <see cref="Article"/>: the site answers it 301.</summary>
    public const string Alias = "/python-frameworks-compared";

    private readonly string _content;
    private SiteServer? _site;
    private VarnishServer? _varnish;

    private OneInstanceEdge(string content) => _content = content;

    public VarnishServer Varnish => _varnish!;

    public static async Task<OneInstanceEdge> StartAsync(PostgresFixture postgres, string? purgeSecret)
    {
        var content = Path.Combine(
            Path.GetTempPath(), "comparisonsite-tests", "edge-" + Guid.NewGuid().ToString("N"));
        var comparison = Path.Combine(content, "fastapi-vs-django-vs-flask");
        Directory.CreateDirectory(content);
        Directory.Move(
            FixturePaths.CopyToTemp(Path.Combine(SiteFactory.RepositoryContent, "fastapi-vs-django-vs-flask")),
            comparison);
        var index = Path.Combine(comparison, "index.md");
        await File.WriteAllTextAsync(
            index,
            (await File.ReadAllTextAsync(index)).Replace(
                "slug: fastapi-vs-django-vs-flask\n",
                $"slug: fastapi-vs-django-vs-flask\naliases: [{Alias.TrimStart('/')}]\n",
                StringComparison.Ordinal));
        var edge = new OneInstanceEdge(content);
        try
        {
            var database = await postgres.CreateDatabaseAsync();
            await using (await StoreHarness.CreateAsync(database, seed: true))
            {
            }

            edge._site = await SiteServer.StartAsync(
                database, new Dictionary<string, string> { ["Content__Path"] = content });
            edge._varnish = await VarnishServer.StartAsync(Loopback.FreePort(), [edge._site.BaseUrl], purgeSecret);
            return edge;
        }
        catch
        {
            await edge.DisposeAsync();
            throw;
        }
    }

    /// <summary>Sends <c>METHOD target</c> with these header lines (each "Name: value") through Varnish.</summary>
    public async Task<Answer> SendAsync(string method, string target, params string[] headers)
    {
        var request = new StringBuilder()
            .Append(method).Append(' ').Append(target).Append(" HTTP/1.1\r\nHost: edge\r\n");
        foreach (var header in headers)
        {
            request.Append(header).Append("\r\n");
        }

        var (status, head, body) =
            await RawHttp.SendAsync(Varnish.BaseUrl, request.Append("Connection: close\r\n\r\n").ToString());
        return new Answer(status, head, body);
    }

    /// <summary>A GET of <paramref name="path"/> through Varnish, twice if need be: stored, then a hit.</summary>
    public async Task<Answer> CachedAsync(string path)
    {
        var answer = await SendAsync("GET", path);
        if (!answer.Hit)
        {
            answer = await SendAsync("GET", path);
        }

        Assert.True(answer.Status == 200 && answer.Hit, $"{path} is not served from the cache:\n{answer.Head}");
        return answer;
    }

    public async ValueTask DisposeAsync()
    {
        if (_varnish is not null)
        {
            await _varnish.DisposeAsync();
        }

        if (_site is not null)
        {
            await _site.DisposeAsync();
        }

        Directory.Delete(_content, recursive: true);
    }

    /// <summary>One answer: status, head (status line and headers) and body.</summary>
    public sealed record Answer(int Status, string Head, string Body)
    {
        public bool Hit => Header("X-Cache") == "HIT";

        /// <summary>The stored object that answered a hit (X-Varnish's second number).</summary>
        public string? ObjectId => Header("X-Varnish")?.Split(' ') is [_, var stored] ? stored : null;

        public string? Header(string name) => Head.Split("\r\n")
            .Where(l => l.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase))
            .Select(l => l[(name.Length + 1)..].Trim())
            .FirstOrDefault();
    }
}
