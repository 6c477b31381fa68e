namespace ComparisonSite.Tests.Caching.Edge;

/// <summary>
/// A purge through deploy/varnish/site.vcl bans exactly the keys it names, or nothing: a key list that is not
/// the site's own alphabet, count and length answers 400, a purge without the shared secret 403, and in both
/// cases a page stored before is still the same stored object afterwards.
/// </summary>
public sealed class EdgePurgeTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    private const string Article = OneInstanceEdge.Article;
    private const string Secret = "Purge-Secret: " + VarnishServer.PurgeSecret;

    /// <summary>What an attacker (or a mistake) sends, with the shared secret: each must be refused whole.</summary>
    private static readonly (string What, string[] Headers)[] HostileKeyLists =
    [
        ("a regex alternative that matches everything", ["Surrogate-Key: x|.*"]),
        ("a closing parenthesis", ["Surrogate-Key: x)|(.*"]),
        ("a tab between words", ["Surrogate-Key: listing\t&&\tobj.status\t!=\t0"]),
        ("a tab inside a key list", ["Surrogate-Key: comparison:fastapi-vs-django-vs-flask\tx"]),
        ("an upper-case letter", ["Surrogate-Key: Listing"]),
        ("no key", ["Surrogate-Key: "]),
        ("no header", []),
        ("two spaces between keys", ["Surrogate-Key: listing  site"]),
        ("a key longer than a run key can be", ["Surrogate-Key: " + new string('a', 206)]),
        ("33 keys", ["Surrogate-Key: " + Keys(33, i => $"k{i}")]),
        ("33 keys over two headers", [
            "Surrogate-Key: " + Keys(20, i => $"a{i}"),
            "Surrogate-Key: " + Keys(13, i => $"b{i}")]),
        // 20 KB: Varnish's own limit on a header line (http_req_hdr_len, 8 KB) answers 400 before the VCL runs.
        ("10,000 keys in one header", ["Surrogate-Key: " + Keys(10_000, _ => "a")]),
        // Within Varnish's limits per header and in all (http_req_size, 32 KB), so the VCL's count refuses it.
        ("10,000 keys over four headers", [.. Enumerable.Repeat("Surrogate-Key: " + Keys(2_500, _ => "a"), 4)]),
        ("a second header beside a valid one", ["Surrogate-Key: listing", "Surrogate-Key: x|.*"]),
    ];

    [Fact]
    public async Task A_key_list_outside_the_sites_alphabet_count_or_length_is_refused_and_bans_nothing()
    {
        await using var edge = await OneInstanceEdge.StartAsync(postgres, VarnishServer.PurgeSecret);
        var article = await edge.CachedAsync(Article);
        var home = await edge.CachedAsync("/");

        foreach (var (what, headers) in HostileKeyLists)
        {
            var purge = await edge.SendAsync("BAN", "/", [Secret, .. headers]);

            Assert.True(purge.Status == 400, $"{what}: {purge.Head}{purge.Body}");
            await AssertStillStoredAsync(edge, Article, article, what);
            await AssertStillStoredAsync(edge, "/", home, what);
        }
    }

    [Fact]
    public async Task A_valid_purge_bans_exactly_its_whole_keys()
    {
        await using var edge = await OneInstanceEdge.StartAsync(postgres, VarnishServer.PurgeSecret);
        var article = await edge.CachedAsync(Article);
        var home = await edge.CachedAsync("/");

        // A dot is a dot and a key is whole: neither names the article's key comparison:fastapi-vs-django-vs-flask.
        var near = await edge.SendAsync(
            "PURGE", "/", Secret, "Surrogate-Key: comparison:fastapi-vs-django-vs-flas. comparison:fastapi");
        Assert.True(near.Status == 200, near.Head + near.Body);
        await AssertStillStoredAsync(edge, Article, article);

        // The most a purge may hold: 32 keys, the longest 205 characters (run:<100>:<100>).
        var most = await edge.SendAsync(
            "BAN", "/", Secret, "Surrogate-Key: " + Keys(31, i => $"run:s:r{i}") + " " + new string('a', 205));
        Assert.True(most.Status == 200, most.Head + most.Body);
        await AssertStillStoredAsync(edge, Article, article);

        var purge = await edge.SendAsync(
            "BAN", "/", Secret, "Surrogate-Key: run:other-suite:r1.2_x comparison:fastapi-vs-django-vs-flask");

        Assert.True(purge.Status == 200, purge.Head + purge.Body);
        var after = await edge.SendAsync("GET", Article);
        Assert.Equal(200, after.Status);
        Assert.False(after.Hit, "the purged article was still served from the cache");
        await AssertStillStoredAsync(edge, "/", home);
    }

    [Fact]
    public async Task A_purge_without_the_shared_secret_is_refused_and_bans_nothing()
    {
        await using var edge = await OneInstanceEdge.StartAsync(postgres, VarnishServer.PurgeSecret);
        var article = await edge.CachedAsync(Article);

        foreach (var headers in new[] { [], ["Purge-Secret: wrong-secret-0123456789"], new[] { "Purge-Secret: " } })
        {
            var purge = await edge.SendAsync("BAN", "/", [.. headers, "Surrogate-Key: site"]);
            Assert.True(purge.Status == 403, $"{string.Join(", ", headers)}: {purge.Head}{purge.Body}");
            await AssertStillStoredAsync(edge, Article, article, string.Join(", ", headers));
        }
    }

    [Fact]
    public async Task Without_a_configured_secret_varnish_refuses_every_purge()
    {
        await using var edge = await OneInstanceEdge.StartAsync(postgres, purgeSecret: null);
        var article = await edge.CachedAsync(Article);

        foreach (var headers in new[] { [], new[] { Secret } })
        {
            var purge = await edge.SendAsync("BAN", "/", [.. headers, "Surrogate-Key: site"]);
            Assert.True(purge.Status == 403, purge.Head + purge.Body);
            Assert.Contains("EDGE_PURGE_SECRET", purge.Head + purge.Body, StringComparison.Ordinal);
        }

        await AssertStillStoredAsync(edge, Article, article);
    }

    private static string Keys(int count, Func<int, string> key) =>
        string.Join(' ', Enumerable.Range(0, count).Select(key));

    private static async Task AssertStillStoredAsync(
        OneInstanceEdge edge, string path, OneInstanceEdge.Answer before, string after = "the purge")
    {
        var answer = await edge.SendAsync("GET", path);
        Assert.True(answer.Status == 200 && answer.Hit, $"after {after}, {path} is no longer cached:\n{answer.Head}");
        Assert.Equal(before.ObjectId, answer.ObjectId);
    }
}
