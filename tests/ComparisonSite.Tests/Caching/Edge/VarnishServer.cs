using System.Text;

namespace ComparisonSite.Tests.Caching.Edge;

/// <summary>
/// varnishd in the foreground on a loopback port, running the repository's deploy/varnish/site.vcl with a
/// backends.vcl of its own: the given instances behind the round-robin director, probed on /healthz/ready.
/// Installs Debian's <c>varnish</c> when varnishd is missing (scripts/prerequisites does the same); fails if
/// it cannot, never skips. Purges need <see cref="PurgeSecret"/> in a Purge-Secret header, as in production.
/// </summary>
internal sealed class VarnishServer : IAsyncDisposable
{
    private const string Varnishd = "/usr/sbin/varnishd";

    private readonly Process _process;
    private readonly string _folder;
    private readonly StringBuilder _log = new();

    private VarnishServer(Process process, string folder, string baseUrl)
    {
        _process = process;
        _folder = folder;
        BaseUrl = baseUrl;
    }

    /// <summary>The shared purge secret varnishd is started with (EDGE_PURGE_SECRET), and instances send.</summary>
    public const string PurgeSecret = "test-purge-secret-0123456789";

    public string BaseUrl { get; }

    /// <summary>Starts varnishd; <paramref name="purgeSecret"/> null starts it without one (purges are off).</summary>
    public static async Task<VarnishServer> StartAsync(
        int port, IReadOnlyList<string> instances, string? purgeSecret = PurgeSecret)
    {
        await EnsureInstalledAsync();
        var folder = Path.Combine(
            Path.GetTempPath(), "comparisonsite-tests", "varnish-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "backends.vcl"), Backends(instances));
        var deploy = SiteRoot.Locate(null).Combine("deploy/varnish");
        var start = ToolProcess.StartInfo(
            Varnishd,
            [
                "-F", "-j", "none", "-n", Path.Combine(folder, "work"), "-a", $"127.0.0.1:{port}", "-T", "none",
                "-f", Path.Combine(deploy, "site.vcl"), "-p", $"vcl_path={folder}:{deploy}", "-s", "malloc,64m",
                // Bans are checked at lookup anyway; the lurker only frees memory sooner.
                "-p", "ban_lurker_sleep=0.1",
            ],
            purgeSecret is null ? null : new Dictionary<string, string> { ["EDGE_PURGE_SECRET"] = purgeSecret },
            unset: ["EDGE_PURGE_SECRET"]);
        var server = new VarnishServer(ToolProcess.Start(start), folder, $"http://127.0.0.1:{port}");
        server._process.OutputDataReceived += (_, e) => server.Append(e.Data);
        server._process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        server._process.BeginOutputReadLine();
        server._process.BeginErrorReadLine();
        await server.WaitUntilServingAsync();
        return server;
    }

    /// <summary>One backend per instance address (http://127.0.0.1:port), the director and a loopback ACL.</summary>
    private static string Backends(IReadOnlyList<string> instances)
    {
        var text = new StringBuilder(
            """
            probe ready {
                .url = "/healthz/ready";
                .interval = 200ms;
                .timeout = 1s;
                .window = 3;
                .threshold = 2;
                .initial = 2;
            }

            acl purgers {
                "127.0.0.1";
            }

            """);
        for (var i = 0; i < instances.Count; i++)
        {
            var address = new Uri(instances[i]);
            text.Append(CultureInfo.InvariantCulture, $$"""
                backend instance{{i}} {
                    .host = "{{address.Host}}";
                    .port = "{{address.Port}}";
                    .probe = ready;
                }

                """);
        }

        text.AppendLine("sub vcl_init {\n    new instances = directors.round_robin();");
        for (var i = 0; i < instances.Count; i++)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"    instances.add_backend(instance{i});");
        }

        return text.AppendLine("}").ToString();
    }

    private static async Task EnsureInstalledAsync()
    {
        if (File.Exists(Varnishd))
        {
            return;
        }

        var install = await ToolProcess.RunAsync(
            ToolProcess.StartInfo(
                "sh",
                ["-c", "apt-get update -qq && apt-get install -y -qq --no-install-recommends varnish"],
                new Dictionary<string, string> { ["DEBIAN_FRONTEND"] = "noninteractive" }),
            TimeSpan.FromMinutes(5));
        Assert.True(
            File.Exists(Varnishd),
            $"varnishd is missing and could not be installed (apt-get install -y varnish; scripts/prerequisites "
            + $"does it):\n{install.Output}");
    }

    private void Append(string? line)
    {
        lock (_log)
        {
            _log.AppendLine(line);
        }
    }

    private async Task WaitUntilServingAsync()
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(30))
        {
            Assert.False(_process.HasExited, $"varnishd exited:\n{Log}");
            try
            {
                using var response = await client.GetAsync(BaseUrl + "/healthz/live");
                return;
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(100);
        }

        Assert.Fail($"varnishd did not listen within 30 s:\n{Log}");
    }

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

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _process.WaitForExitAsync(timeout.Token);
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
