using System.Text;
using System.Text.Json;

namespace ComparisonSite.Caching.Edge;

/// <summary>
/// Turns one purge into the HTTP requests a configured purger takes (<see cref="PurgerOptions"/>): one per key
/// when a template names <c>{key}</c>, else one per batch of keys.
/// </summary>
internal static class HttpPurger
{
    public static IEnumerable<HttpRequestMessage> Requests(PurgerOptions purger, IReadOnlyList<string> keys)
    {
        var perKey = Templates(purger).Any(t => t.Contains("{key}", StringComparison.Ordinal));
        var size = perKey ? 1 : purger.BatchSize > 0 ? purger.BatchSize : Math.Max(keys.Count, 1);
        return keys.Chunk(size).Select(batch => Request(purger, batch));
    }

    private static HttpRequestMessage Request(PurgerOptions purger, string[] keys)
    {
        var request = new HttpRequestMessage(new HttpMethod(purger.Method), Fill(purger.Url, keys, purger, url: true));
        foreach (var (name, template) in purger.Headers)
        {
            request.Headers.TryAddWithoutValidation(name, Fill(template, keys, purger, url: false));
        }

        if (!string.IsNullOrEmpty(purger.Body))
        {
            request.Content = new StringContent(
                Fill(purger.Body, keys, purger, url: false), Encoding.UTF8, purger.BodyContentType);
        }

        return request;
    }

    private static string Fill(string template, string[] keys, PurgerOptions purger, bool url)
    {
        var escape = url ? Uri.EscapeDataString : (Func<string, string>)(k => k);
        return template
            .Replace("{keys:json}", JsonSerializer.Serialize(keys), StringComparison.Ordinal)
            .Replace("{keys}", string.Join(purger.Separator, keys.Select(escape)), StringComparison.Ordinal)
            .Replace("{key}", escape(keys[0]), StringComparison.Ordinal);
    }

    private static IEnumerable<string> Templates(PurgerOptions purger) =>
        [purger.Url, .. purger.Headers.Values, purger.Body ?? string.Empty];
}
