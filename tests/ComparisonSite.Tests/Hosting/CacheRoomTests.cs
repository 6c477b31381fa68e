namespace ComparisonSite.Tests.Hosting;

/// <summary>
/// The caches' room inside the memory budget: what the rest of the heap leaves, between a floor and half the budget.
/// </summary>
public sealed class CacheRoomTests
{
    private const long Megabyte = 1024 * 1024;

    [Fact]
    public void A_small_site_gives_the_caches_half_the_budget()
    {
        var room = new CacheRoom(256 * Megabyte);
        Assert.Equal(128 * Megabyte, room.Bytes);

        // 30 MB live after a collection, 20 MB of it cached: the rest (10 MB) leaves more than half.
        Assert.False(room.Resize(30 * Megabyte, 20 * Megabyte));
        Assert.Equal(128 * Megabyte, room.Bytes);
        Assert.Equal((long)(128 * Megabyte * CacheRoom.PageCacheShare), room.PageCacheBytes);
        Assert.Equal(room.Bytes, room.PageCacheBytes + room.RenderCacheBytes);
    }

    [Fact]
    public void Content_that_grows_shrinks_the_caches_to_what_it_leaves_and_no_further_than_the_floor()
    {
        var room = new CacheRoom(256 * Megabyte);

        // 250 MB live, 100 MB of it cached: content and the rest hold 150 MB, leaving 106 MB.
        Assert.True(room.Resize(250 * Megabyte, 100 * Megabyte));
        Assert.Equal(106 * Megabyte, room.Bytes);

        // Content alone past the budget: the caches keep the floor.
        Assert.True(room.Resize(320 * Megabyte, 50 * Megabyte));
        Assert.Equal(CacheRoom.MinimumBytes, room.Bytes);

        // Content removed again: the room grows back, which needs no eviction.
        Assert.False(room.Resize(60 * Megabyte, 10 * Megabyte));
        Assert.Equal(128 * Megabyte, room.Bytes);
    }
}
