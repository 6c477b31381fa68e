using ComparisonSite.Caching;
using Microsoft.AspNetCore.Http;

namespace ComparisonSite.Tests.Caching;

/// <summary>
/// The page cache's response buffer: a body written in pieces of any size comes back whole and in order, and a
/// body past the limit goes out to the client, held part first, with nothing kept.
/// </summary>
public sealed class ResponseBufferTests
{
    // Small and large writes, some past the 85 KB of the large object heap.
    private static readonly int[] Writes = [1, 16 * 1024 - 1, 1, 16 * 1024, 40_000, 3, 100_000];

    private static byte[] Bytes(int count, int seed) =>
        [.. Enumerable.Range(0, count).Select(i => (byte)((i * 31) + seed))];

    [Fact]
    public async Task A_body_within_the_limit_is_held_whole_and_nothing_reaches_the_client()
    {
        using var client = new MemoryStream();
        await using var buffer = new ResponseBuffer(client, 1024 * 1024, new DefaultHttpContext().Response);
        var expected = new List<byte>();
        for (var w = 0; w < Writes.Length; w++)
        {
            var bytes = Bytes(Writes[w], w);
            expected.AddRange(bytes);
            if (w % 2 == 0)
            {
                await buffer.WriteAsync(bytes);
            }
            else
            {
                buffer.Write(bytes);
            }

            await buffer.FlushAsync();
        }

        Assert.False(buffer.PassedThrough);
        Assert.Equal(expected, buffer.Held());
        Assert.Equal(0, client.Length);
    }

    [Fact]
    public async Task A_body_past_the_limit_goes_out_in_order_and_is_not_kept()
    {
        using var client = new MemoryStream();
        await using var buffer = new ResponseBuffer(client, 50_000, new DefaultHttpContext().Response);
        var expected = new List<byte>();
        foreach (var (size, w) in Writes.Select((size, w) => (size, w)))
        {
            var bytes = Bytes(size, w);
            expected.AddRange(bytes);
            await buffer.WriteAsync(bytes);
        }

        Assert.True(buffer.PassedThrough);
        Assert.Empty(buffer.Held());
        Assert.Equal(expected, client.ToArray());
    }
}
