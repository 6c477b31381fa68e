namespace ComparisonSite.Tests.Hostile;

/// <summary>
/// Methods are case-sensitive (RFC 9110): <c>get</c> is not GET, so it answers 405 with Allow, on the real
/// Kestrel server, even for a page already in the page cache. The cases: Fixtures/hostile/method-case.txt.
/// </summary>
public sealed class MethodCaseTests(SharedSiteServer server) : SiteServerTestBase(server)
{
    public static TheoryData<string, string> Methods() => FixturePaths.Table("hostile", "method-case.txt");

    [Theory]
    [MemberData(nameof(Methods))]
    public async Task A_method_spelled_in_another_case_answers_405_even_for_a_cached_page(string method, string path)
    {
        var (cached, _, _) = await RawHttp.SendAsync(
            Site.BaseUrl, $"GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        var (status, headers, body) = await RawHttp.SendAsync(
            Site.BaseUrl, $"{method} {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

        Assert.Equal(200, cached);
        Assert.Equal(405, status);
        Assert.Contains("Allow: GET, HEAD\r\n", headers, StringComparison.Ordinal);
        Assert.DoesNotContain("<html", body, StringComparison.OrdinalIgnoreCase);
    }
}
