using System.IO.Compression;
using ComparisonSite.Caching;

namespace ComparisonSite.Tests.Caching;

/// <summary>
/// The page cache keys a page by the encoding negotiated from Accept-Encoding (br, gzip or identity), exactly as
/// the compression middleware negotiates it, never by the header itself: no client can multiply entries.
/// </summary>
public sealed class AcceptEncodingKeyTests(PostgresFixture postgres) : SiteTestBase(postgres)
{
    private const string Page = "/fastapi-vs-django-vs-flask";

    [Fact]
    public async Task Thousands_of_distinct_and_long_accept_encoding_values_make_at_most_three_entries_a_page()
    {
        var reader = Site.CreateReader();
        var cache = Site.Get<PageCache>();
        await reader.GetAsync(Page);
        var entries = cache.Count;
        string[] shapes = ["gzip;q=0.{0}, x-{1}", "br, x-{1}", "x-{1}, identity", "*;q=0.{0}, y-{1}", "GZIP, z{1}"];
        var values = Enumerable.Range(0, 1_500).Select(i => string.Format(
                CultureInfo.InvariantCulture, shapes[i % shapes.Length], (i % 9) + 1, i))
            .Concat(Enumerable.Range(0, 20).Select(i => $"br;q=0.{(i % 9) + 1}, long-{i}-{new string('y', 24_000)}"));

        foreach (var value in values)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, Page);
            request.Headers.TryAddWithoutValidation("Accept-Encoding", value);
            using var response = await reader.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.InRange(cache.Count, entries, entries + 2);
    }

    [Theory]
    [InlineData("gzip;q=0.5, br;q=0.9", "br")]
    [InlineData("br;q=0, gzip", "gzip")]
    [InlineData("br;q=0.5, gzip;q=0.5", "br")]
    [InlineData("GZIP", "gzip")]
    [InlineData("*", "br")]
    [InlineData("gzip, *;q=0.1", "gzip")]
    [InlineData("identity", "")]
    [InlineData("identity;q=0, x-unknown", "")]
    [InlineData("deflate", "")]
    [InlineData("gzip;q=abc, br;;;", "")]
    public async Task A_page_is_served_in_the_encoding_the_compression_middleware_negotiates(
        string acceptEncoding, string expected)
    {
        var reader = Site.CreateReader();
        var plain = await reader.GetByteArrayAsync(Page);

        // Twice: the first renders (or hits an entry of another header), the second is a hit.
        for (var i = 0; i < 2; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, Page);
            request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
            using var response = await reader.SendAsync(request);
            var body = await response.Content.ReadAsByteArrayAsync();

            Assert.Equal(expected, string.Join(',', response.Content.Headers.ContentEncoding));
            Assert.Equal(plain, Decode(expected, body));
        }
    }

    private static byte[] Decode(string encoding, byte[] body)
    {
        using var input = new MemoryStream(body);
        using Stream decoded = encoding switch
        {
            "br" => new BrotliStream(input, CompressionMode.Decompress),
            "gzip" => new GZipStream(input, CompressionMode.Decompress),
            _ => new MemoryStream(body),
        };
        using var output = new MemoryStream();
        decoded.CopyTo(output);
        return output.ToArray();
    }
}
