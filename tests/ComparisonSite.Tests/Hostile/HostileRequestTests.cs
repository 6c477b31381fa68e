namespace ComparisonSite.Tests.Hostile;

/// <summary>
/// Whatever a client sends, the real server (Kestrel, not a test host) answers 4xx, never 5xx, never with a file
/// outside content/ or wwwroot/, never with a link built from the Host header, and with every security header.
/// </summary>
public sealed class HostileRequestTests(SharedSiteServer server) : SiteServerTestBase(server)
{
    public static TheoryData<string, string> RequestTargets() => FixturePaths.Table("hostile", "request-targets.txt");

    [Theory]
    [MemberData(nameof(RequestTargets))]
    public async Task A_hostile_request_target_gets_the_expected_answer_and_leaks_nothing(
        string target,
        string expected)
    {
        var (status, headers, body) = await RawAsync(
            $"GET {target} HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n");

        Assert.True(
            expected == "4xx"
                ? status is >= 400 and < 500
                : status == int.Parse(expected, CultureInfo.InvariantCulture),
            $"{target} answered {status}, expected {expected}");
        Assert.DoesNotContain("root:x:", body, StringComparison.Ordinal);
        Assert.DoesNotContain("ConnectionStrings", body, StringComparison.Ordinal);
        Assert.DoesNotContain("create table", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("evil.example", headers + body, StringComparison.Ordinal);
        Assert.DoesNotContain("Set-Cookie", headers, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("GET /\xff\xfe HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")]
    [InlineData("GET /a\u0001b HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")]
    [InlineData("GET / HTTP/1.1\r\nHost: x\r\nX-Bad: a\u0000b\r\nConnection: close\r\n\r\n")]
    [InlineData("BREW /fastapi-vs-django-vs-flask HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")]
    [InlineData("GET /fastapi-vs-django-vs-flask HTTP/9.9\r\nHost: x\r\nConnection: close\r\n\r\n")]
    [InlineData("GET /fastapi-vs-django-vs-flask\r\n\r\n")]
    public async Task Malformed_requests_get_a_4xx(string request)
    {
        var (status, _, _) = await RawAsync(request);

        Assert.InRange(status, 400, 505);
        Assert.NotEqual(500, status);
        Assert.NotEqual(503, status);
    }

    [Fact]
    public async Task Overlong_paths_and_queries_are_refused_with_4xx()
    {
        var (longPath, _, _) = await RawAsync(
            $"GET /{new string('a', 20_000)} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        var (longQuery, _, _) = await RawAsync(
            $"GET /fastapi-vs-django-vs-flask?q={new string('b', 100_000)} HTTP/1.1\r\n"
            + "Host: x\r\nConnection: close\r\n\r\n");
        var headerFlood = string.Concat(Enumerable.Range(0, 2000).Select(i => $"X-H{i}: {new string('c', 100)}\r\n"));
        var (manyHeaders, _, _) = await RawAsync(
            "GET / HTTP/1.1\r\nHost: x\r\n" + headerFlood + "Connection: close\r\n\r\n");

        Assert.InRange(longPath, 400, 499);
        Assert.InRange(longQuery, 400, 499);
        Assert.InRange(manyHeaders, 400, 499);
    }

    [Fact]
    public async Task The_host_header_never_reaches_a_redirect_or_a_canonical()
    {
        var (redirect, headers, _) = await RawAsync(
            "GET /fastapi-vs-django-vs-flask/ HTTP/1.1\r\n"
            + "Host: evil.example\r\n"
            + "X-Forwarded-Host: evil.example\r\n"
            + "X-Forwarded-Proto: https\r\n"
            + "Connection: close\r\n\r\n");
        var (ok, _, body) = await RawAsync(
            "GET /fastapi-vs-django-vs-flask HTTP/1.1\r\n"
            + "Host: evil.example\r\n"
            + "X-Forwarded-Host: evil.example\r\n"
            + "Connection: close\r\n\r\n");

        Assert.Equal(301, redirect);
        Assert.Contains("Location: /fastapi-vs-django-vs-flask\r\n", headers, StringComparison.Ordinal);
        Assert.Equal(200, ok);
        Assert.DoesNotContain("evil.example", body, StringComparison.Ordinal);
        Assert.Contains(
            $"<link rel=\"canonical\" href=\"{Site.BaseUrl}/fastapi-vs-django-vs-flask\">",
            body,
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/fastapi-vs-django-vs-flask")]
    [InlineData("/")]
    [InlineData("/no-such-page")]
    [InlineData("/css/site.css")]
    [InlineData("/sitemap.xml")]
    public async Task Every_response_carries_the_security_headers(string path)
    {
        var (_, headers, _) = await RawAsync($"GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

        Assert.Contains(
            "Content-Security-Policy: default-src 'self'; script-src 'self'; style-src 'self';",
            headers,
            StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", headers, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", headers, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", headers, StringComparison.Ordinal);
        Assert.Contains("X-Content-Type-Options: nosniff", headers, StringComparison.Ordinal);
        Assert.Contains("Referrer-Policy: strict-origin-when-cross-origin", headers, StringComparison.Ordinal);
        Assert.Contains("Permissions-Policy: ", headers, StringComparison.Ordinal);
        Assert.Contains("X-Frame-Options: DENY", headers, StringComparison.Ordinal);
    }

    private Task<(int Status, string Headers, string Body)> RawAsync(string request) =>
        RawHttp.SendAsync(Site.BaseUrl, request);
}
