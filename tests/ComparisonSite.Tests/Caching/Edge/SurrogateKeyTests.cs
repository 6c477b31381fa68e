using System.Collections.Concurrent;

namespace ComparisonSite.Tests.Caching.Edge;

/// <summary>
/// The keys and shared lifetime a page carries, from a render and from the page cache alike, and the purge a
/// content edit sends: that comparison and the listings, nothing else.
/// </summary>
public sealed class SurrogateKeyTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    [Fact]
    public async Task A_page_carries_its_keys_and_s_maxage_when_rendered_and_when_served_from_the_page_cache()
    {
        await using var site = await TestSite.CreateAsync(postgres);
        var reader = site.CreateReader();

        using var rendered = await reader.GetAsync("/fastapi-vs-django-vs-flask");
        using var hit = await reader.GetAsync("/fastapi-vs-django-vs-flask");
        using var home = await reader.GetAsync("/");

        var keys = rendered.Headers.GetValues("Surrogate-Key").Single();
        Assert.Equal(keys, hit.Headers.GetValues("Surrogate-Key").Single());
        string[] expected =
        [
            "comparison:fastapi-vs-django-vs-flask", "run:python-web-frameworks:bytepulse-2026-03",
            "run:python-web-frameworks:measured-2026-12-07", "site", "suite:python-web-frameworks",
        ];
        Assert.Equal(expected, keys.Split(' ').Order(StringComparer.Ordinal));
        Assert.Equal("site listing", home.Headers.GetValues("Surrogate-Key").Single());
        var lifetime = hit.Headers.CacheControl!;
        Assert.True(lifetime.Public && lifetime.MustRevalidate);
        Assert.Equal(TimeSpan.FromSeconds(60), lifetime.MaxAge);
        Assert.Equal(TimeSpan.FromDays(1), lifetime.SharedMaxAge);
    }

    [Fact]
    public async Task A_content_edit_purges_that_comparison_and_the_listings_only()
    {
        using var listener = new HttpListener();
        var port = Loopback.FreePort();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        var purged = new ConcurrentQueue<string>();
        _ = Task.Run(async () =>
        {
            while (listener.IsListening)
            {
                var context = await listener.GetContextAsync();
                purged.Enqueue($"{context.Request.HttpMethod} {context.Request.Headers["Surrogate-Key"]}");
                context.Response.Close();
            }
        });
        await using var site = await TestSite.CreateAsync(
            postgres,
            FixturePaths.SecondSiteContent,
            settings: new Dictionary<string, string?>
            {
                ["Edge:Purgers:0:Method"] = "BAN",
                ["Edge:Purgers:0:Url"] = $"http://127.0.0.1:{port}/",
                ["Edge:Purgers:0:Headers:Surrogate-Key"] = "{keys}",
            },
            editable: true);
        await site.CreateReader().GetStringAsync("/postgresql-vs-sqlite");

        var index = Path.Combine(site.Content, "postgresql-vs-sqlite", "index.md");
        var original = await File.ReadAllTextAsync(index);
        await File.WriteAllTextAsync(
            index, original.Replace("small web apps", "tiny web apps", StringComparison.Ordinal));

        await Eventually.TrueAsync(() => !purged.IsEmpty);
        Assert.Equal("BAN comparison:postgresql-vs-sqlite listing", Assert.Single(purged));
    }
}
