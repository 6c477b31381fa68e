using ComparisonSite.Caching;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;

namespace ComparisonSite.Tests.Caching;

/// <summary>The page cache's bound: it counts everything an entry holds and evicts the least recently used.</summary>
public sealed class PageCacheTests
{
    [Fact]
    public async Task Reaching_the_bound_evicts_the_least_recently_used_entries_and_never_all()
    {
        var cache = new PageCache(NullLogger<PageCache>.Instance, sizeLimit: 1_000_000);
        for (var i = 0; i < 9; i++)
        {
            cache.Add($"/page-{i}", Page(100_000));
            await Task.Delay(20);
        }

        // Pages 0 and 1 are read again; 2 is now the least recently used.
        Assert.True(cache.TryGet("/page-0", out _));
        Assert.True(cache.TryGet("/page-1", out _));
        await Task.Delay(20);
        cache.Add("/page-9", Page(100_000));
        cache.Add("/page-10", Page(100_000));

        Assert.InRange(cache.Size, 1, 1_000_000);
        Assert.InRange(cache.Count, 5, 10);
        Assert.False(cache.TryGet("/page-2", out _));
        Assert.True(cache.TryGet("/page-0", out _));
        Assert.True(cache.TryGet("/page-1", out _));
        Assert.True(cache.TryGet("/page-8", out _));
        Assert.True(cache.TryGet("/page-10", out _));
    }

    [Fact]
    public void An_entry_counts_its_key_and_headers_as_well_as_its_body()
    {
        var cache = new PageCache(NullLogger<PageCache>.Instance);
        var key = "/" + new string('k', 10_000);
        var page = Page(1_000, new string('h', 5_000));

        cache.Add(key, page);

        Assert.Equal(PageCache.SizeOf(key, page), cache.Size);
        Assert.True(cache.Size >= 1_000 + (2 * 10_000) + (2 * 5_000), $"counted {cache.Size} bytes");
    }

    [Fact]
    public void A_flood_of_long_keys_stays_within_the_bound()
    {
        var cache = new PageCache(NullLogger<PageCache>.Instance, sizeLimit: 200_000);
        for (var i = 0; i < 5_000; i++)
        {
            cache.Add($"/page\n{i}{new string('x', 1_000)}", Page(10));
        }

        Assert.InRange(cache.Size, 1, 200_000);
        Assert.InRange(cache.Count, 1, 4_999);
    }

    [Fact]
    public async Task When_the_bound_shrinks_trimming_evicts_the_least_recently_used_down_to_it()
    {
        long limit = 1_000_000;
        var cache = new PageCache(NullLogger<PageCache>.Instance, () => limit);
        for (var i = 0; i < 8; i++)
        {
            cache.Add($"/page-{i}", Page(100_000));
            await Task.Delay(20);
        }

        Assert.True(cache.TryGet("/page-0", out _));
        cache.Trim();
        Assert.Equal(8, cache.Count);

        limit = 300_000;
        cache.Trim();

        Assert.InRange(cache.Size, 1, 300_000);
        Assert.True(cache.TryGet("/page-0", out _), "the page read last is kept");
        Assert.True(cache.TryGet("/page-7", out _), "the page added last is kept");
        Assert.False(cache.TryGet("/page-1", out _));
    }

    [Fact]
    public void Evicting_a_tag_keeps_its_pages_rendered_at_the_current_version()
    {
        var cache = new PageCache(NullLogger<PageCache>.Instance);
        cache.Add("/a\nbr\nv1", Page(10, tag: "comparison:a", version: "v1"));
        cache.Add("/a\nbr\nv2", Page(10, tag: "comparison:a", version: "v2"));
        cache.Add("/a/cost\nbr\nv2", Page(10, tag: "comparison:a", version: "v2"));
        cache.Add("/b\nbr\nv1", Page(10, tag: "comparison:b", version: "v1"));

        // A request saw the new snapshot and kept its page before the change reached the eviction: v2 stays.
        Assert.Equal(1, cache.EvictByTag("comparison:a", currentVersion: "v2"));
        Assert.False(cache.TryGet("/a\nbr\nv1", out _));
        Assert.True(cache.TryGet("/a\nbr\nv2", out _));
        Assert.True(cache.TryGet("/a/cost\nbr\nv2", out _));
        Assert.True(cache.TryGet("/b\nbr\nv1", out _));

        // A comparison that went has no current version: all its pages go.
        Assert.Equal(2, cache.EvictByTag("comparison:a"));
        Assert.Equal(1, cache.Count);
    }

    private static CachedPage Page(
        int bytes, string header = "text/html; charset=utf-8", string tag = "listing", string version = "v1")
    {
        var headers = new HeaderDictionary { ["Content-Type"] = header, ["ETag"] = "\"abc\"" };
        return new CachedPage(headers, new byte[bytes], tag, version, Environment.TickCount64 + 60_000);
    }
}
