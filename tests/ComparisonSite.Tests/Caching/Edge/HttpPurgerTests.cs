using ComparisonSite.Caching.Edge;

namespace ComparisonSite.Tests.Caching.Edge;

/// <summary>One purger shape in configuration covers Varnish, Fastly and Cloudflare (see README).</summary>
public sealed class HttpPurgerTests
{
    private static readonly string[] Keys = ["comparison:a", "run:s:r1", "listing"];

    [Fact]
    public void A_varnish_ban_sends_every_key_in_one_header()
    {
        var purger = new PurgerOptions
        {
            Method = "BAN",
            Url = "http://127.0.0.1:6081/",
            Headers = new() { ["Surrogate-Key"] = "{keys}" },
        };

        var request = Assert.Single(HttpPurger.Requests(purger, Keys));

        Assert.Equal("BAN", request.Method.Method);
        Assert.Equal("comparison:a run:s:r1 listing", request.Headers.GetValues("Surrogate-Key").Single());
        Assert.Null(request.Content);
    }

    [Fact]
    public void A_key_in_the_url_sends_one_request_per_key_with_the_key_escaped()
    {
        var purger = new PurgerOptions
        {
            Url = "https://api.fastly.com/service/abc/purge/{key}",
            Headers = new() { ["Fastly-Key"] = "token" },
        };

        var requests = HttpPurger.Requests(purger, Keys).ToList();

        Assert.Equal(
            ["/service/abc/purge/comparison%3Aa", "/service/abc/purge/run%3As%3Ar1", "/service/abc/purge/listing"],
            requests.Select(r => r.RequestUri!.AbsolutePath));
        Assert.All(requests, r => Assert.Equal("token", r.Headers.GetValues("Fastly-Key").Single()));
    }

    [Fact]
    public async Task A_cloudflare_purge_sends_the_keys_as_a_json_array_in_batches()
    {
        var purger = new PurgerOptions
        {
            Url = "https://api.cloudflare.com/client/v4/zones/z/purge_cache",
            Headers = new() { ["Authorization"] = "Bearer t" },
            Body = """{"tags":{keys:json}}""",
            BatchSize = 2,
        };

        var requests = HttpPurger.Requests(purger, Keys).ToList();

        Assert.Equal(2, requests.Count);
        Assert.Equal("""{"tags":["comparison:a","run:s:r1"]}""", await requests[0].Content!.ReadAsStringAsync());
        Assert.Equal("""{"tags":["listing"]}""", await requests[1].Content!.ReadAsStringAsync());
        Assert.Equal("application/json", requests[0].Content!.Headers.ContentType!.MediaType);
        Assert.Equal(HttpMethod.Post, requests[0].Method);
    }
}
