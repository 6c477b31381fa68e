namespace ComparisonSite.Tests.Deployment;

public sealed class ProductionLoggingTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    [Fact]
    public async Task With_the_json_log_format_every_line_is_a_compact_json_event_and_no_secret_is_logged()
    {
        var connectionString = await postgres.CreateDatabaseAsync() + ";Password=s3cret-for-the-test";
        var site = await SiteServer.StartAsync(
            connectionString,
            new Dictionary<string, string> { ["Site__LogFormat"] = "json" });
        using (var client = new HttpClient())
        {
            await client.GetAsync(site.BaseUrl + "/no-such-page");
        }

        Assert.Equal(0, await site.StopAsync());
        var lines = site.Log.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.NotEmpty(lines);
        foreach (var line in lines)
        {
            using var json = JsonDocument.Parse(line);
            Assert.True(json.RootElement.TryGetProperty("@t", out _), line);
            Assert.True(json.RootElement.TryGetProperty("@mt", out _), line);
        }

        Assert.Contains(lines, l => l.Contains("Results snapshot loaded", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("\"StatusCode\":404", StringComparison.Ordinal));
        Assert.DoesNotContain("s3cret", site.Log, StringComparison.Ordinal);
        await site.DisposeAsync();
    }
}
