using System.Net.Sockets;

namespace ComparisonSite.Tests.Infrastructure;

/// <summary>Requests written byte for byte to a real server's socket, for what HttpClient will not send.</summary>
internal static class RawHttp
{
    /// <summary>Sends the request, reads until the server closes, and splits the answer.</summary>
    public static async Task<(int Status, string Headers, string Body)> SendAsync(string baseUrl, string request)
    {
        var uri = new Uri(baseUrl);
        using var client = new TcpClient();
        await client.ConnectAsync(uri.Host, uri.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.Latin1.GetBytes(request));
        using var reader = new MemoryStream();
        try
        {
            await stream.CopyToAsync(reader).WaitAsync(TimeSpan.FromSeconds(15));
        }
        catch (IOException)
        {
            // The server may close the connection right after a refusal.
        }

        var text = Encoding.UTF8.GetString(reader.ToArray());
        var split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var head = split < 0 ? text : text[..split];
        var statusLine = head.Split("\r\n")[0].Split(' ');
        Assert.True(statusLine.Length >= 2 && int.TryParse(statusLine[1], out _), $"no HTTP status line in: {head}");
        var status = int.Parse(statusLine[1], CultureInfo.InvariantCulture);
        return (status, head + "\r\n", split < 0 ? string.Empty : text[(split + 4)..]);
    }
}
