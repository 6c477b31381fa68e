using System.Text;

namespace ComparisonSite.Tests.Infrastructure;

/// <summary>
/// The site as its own process on a loopback port, for tools that need a real server: the HTML checker,
/// Lighthouse, a browser. Stopped with SIGTERM, as an orchestrator would.
/// </summary>
public sealed class SiteServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private SiteServer(Process process, string baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>Starts the site; unless told otherwise, returns once it reports ready.</summary>
    public static async Task<SiteServer> StartAsync(
        string connectionString,
        IReadOnlyDictionary<string, string>? environment = null,
        bool waitUntilReady = true)
    {
        var port = Loopback.FreePort();
        var baseUrl = $"http://127.0.0.1:{port}";
        var variables = new Dictionary<string, string>
        {
            ["ConnectionStrings__Results"] = connectionString,
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Site__PublicBaseUrl"] = baseUrl,
        };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            variables[key] = value;
        }

        var process = ToolProcess.Start(SiteProcess.StartInfo(["--urls", baseUrl], variables));
        var server = new SiteServer(process, baseUrl);
        server._process.OutputDataReceived += (_, e) => server.Append(e.Data);
        server._process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        server._process.BeginOutputReadLine();
        server._process.BeginErrorReadLine();
        if (waitUntilReady)
        {
            try
            {
                await server.WaitUntilReadyAsync();
            }
            catch
            {
                // The test never gets the server to dispose: stop it here, or it outlives the run.
                await server.DisposeAsync();
                throw;
            }
        }

        return server;
    }

    private void Append(string? line)
    {
        lock (_log)
        {
            _log.AppendLine(line);
        }
    }

    private async Task WaitUntilReadyAsync()
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            var exitCode = _process.HasExited ? _process.ExitCode : 0;
            Assert.False(_process.HasExited, $"the site exited with code {exitCode}:\n{Log}");
            try
            {
                using var response = await client.GetAsync(BaseUrl + "/healthz/ready");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(100);
        }

        Assert.Fail($"the site was not ready within 60 s:\n{Log}");
    }

    /// <summary>
    /// Kills the site's process outright (SIGKILL), as a crash or an OOM kill would; no clean-up runs.
    /// </summary>
    public void Kill() => _process.Kill(entireProcessTree: false);

    /// <summary>Sends SIGTERM and waits for a clean exit; returns the exit code.</summary>
    public async Task<int> StopAsync()
    {
        if (_process.HasExited)
        {
            return _process.ExitCode;
        }

        await ToolProcess.RunAsync("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            throw;
        }

        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process.Dispose();
    }
}
