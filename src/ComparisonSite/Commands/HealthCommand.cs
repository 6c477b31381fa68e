using System.CommandLine;

namespace ComparisonSite.Commands;

/// <summary>
/// <c>health</c>: asks a running site's readiness endpoint and exits 0 when ready. The container image's
/// HEALTHCHECK uses it, so the runtime image needs no curl.
/// </summary>
internal static class HealthCommand
{
    public static Command Create()
    {
        var url = new Option<string>("--url")
        {
            Description = "The readiness endpoint to ask.",
            DefaultValueFactory = _ => "http://127.0.0.1:8080/healthz/ready",
        };
        var command = new Command("health", "Exit 0 when the site at --url reports ready, 1 otherwise.") { url };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(4) };
            try
            {
                using var response = await client.GetAsync(new Uri(parse.GetValue(url)!), cancellationToken);
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                Console.WriteLine($"{(int)response.StatusCode} {body}");
                return response.IsSuccessStatusCode ? 0 : 1;
            }
            catch (HttpRequestException ex)
            {
                await Console.Error.WriteLineAsync($"not reachable: {ex.Message}");
                return 1;
            }
            catch (TaskCanceledException)
            {
                await Console.Error.WriteLineAsync("no answer within 4 seconds");
                return 1;
            }
        });
        return command;
    }
}
