namespace ComparisonSite.Tests.Caching.Edge;

/// <summary>
/// Through deploy/varnish/site.vcl, the spellings the site normalises itself (a trailing slash, a percent-encoded
/// letter) and its redirects keep the reader's query: the edge neither strips it before the site has seen the
/// address nor serves one request's redirect to another.
/// </summary>
public sealed class EdgeAddressVariantTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    private const string Article = OneInstanceEdge.Article;
    private const string Inputs = "?requests=1000000000&peak=2.5&headroom=0.8";

    [Fact]
    public async Task The_cost_page_with_a_trailing_slash_or_an_encoded_letter_keeps_the_readers_inputs()
    {
        await using var edge = await OneInstanceEdge.StartAsync(postgres, VarnishServer.PurgeSecret);

        for (var attempt = 1; attempt <= 2; attempt++)
        {
            var slash = await edge.SendAsync("GET", Article + "/cost/" + Inputs);
            Assert.True(slash.Status == 301, slash.Head);
            Assert.Equal(Article + "/cost" + Inputs, slash.Header("Location"));
            Assert.False(slash.Hit, $"request {attempt}: the redirect was served from the cache");

            var encoded = await edge.SendAsync("GET", Article + "/%63ost" + Inputs);
            Assert.True(encoded.Status == 200, encoded.Head);
            AssertShowsInputs(encoded.Body);
        }

        var followed = await edge.SendAsync("GET", Article + "/cost" + Inputs);
        Assert.True(followed.Status == 200, followed.Head);
        AssertShowsInputs(followed.Body);

        // The article without those inputs is what the edge keeps under its own address, not the cost page.
        var article = await edge.CachedAsync(Article);
        Assert.DoesNotContain("value=\"1000000000\"", article.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_redirect_is_never_served_for_another_request()
    {
        await using var edge = await OneInstanceEdge.StartAsync(postgres, VarnishServer.PurgeSecret);

        // The trailing slash: each query gets its own Location, twice in a row (nothing stored answers the second).
        foreach (var hide in new[] { "django", "flask", "django" })
        {
            var answer = await edge.SendAsync("GET", $"{Article}/?hide={hide}");
            Assert.True(answer.Status == 301, answer.Head);
            Assert.Equal($"{Article}?hide={hide}", answer.Header("Location"));
        }

        // A renamed comparison: its 301 may be stored under the old address, but a reader's query it dropped
        // before lookup is still in the Location.
        var plain = await edge.SendAsync("GET", OneInstanceEdge.Alias);
        Assert.True(plain.Status == 301, plain.Head);
        Assert.Equal(Article, plain.Header("Location"));
        foreach (var hide in new[] { "django", "flask" })
        {
            var answer = await edge.SendAsync("GET", $"{OneInstanceEdge.Alias}?hide={hide}&utm_source=x");
            Assert.True(answer.Status == 301, answer.Head);
            Assert.Equal($"{Article}?hide={hide}&utm_source=x", answer.Header("Location"));
        }

        var again = await edge.SendAsync("GET", OneInstanceEdge.Alias);
        Assert.Equal(Article, again.Header("Location"));
    }

    private static void AssertShowsInputs(string body)
    {
        Assert.Contains("value=\"1000000000\"", body, StringComparison.Ordinal);
        Assert.Contains("value=\"2.5\"", body, StringComparison.Ordinal);
        Assert.Contains("value=\"0.8\"", body, StringComparison.Ordinal);
    }
}
