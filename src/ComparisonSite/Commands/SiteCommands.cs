using System.CommandLine;
using System.Globalization;
using ComparisonSite.Articles;
using ComparisonSite.Caching.Edge;
using ComparisonSite.Content;
using ComparisonSite.Figures;
using ComparisonSite.Results;
using ComparisonSite.Results.Store;
using Npgsql;
using Serilog;
using Serilog.Events;

namespace ComparisonSite.Commands;

/// <summary>
/// The site's executable doubles as its admin tool: <c>migrate</c>, <c>import</c> and <c>runs</c> run once and
/// exit; with no verb the site serves. Verbs use the same configuration and store as the site (including the
/// private local cluster, which they join if the site is running, or start and stop themselves).
/// </summary>
public static class SiteCommands
{
    private static readonly string[] Verbs = ["migrate", "import", "runs", "check", "health", "new"];
    private static readonly string[] HelpOptions = ["-h", "--help", "-?", "--version"];

    // The host's own command-line keys (WebApplication and the generic host read these), and the configuration
    // sections the site reads: a first option naming neither is a mistake, not a reason to start serving.
    private static readonly string[] HostOptions =
    [
        "urls", "environment", "contentRoot", "applicationName", "webroot", "http_ports", "https_ports",
        "hostingStartupAssemblies", "hostingStartupExcludeAssemblies", "preventHostingStartup", "detailedErrors",
        "shutdownTimeoutSeconds", "captureStartupErrors", "suppressStatusMessages", "AllowedHosts",
    ];

    private static readonly string[] Sections =
    [
        SiteOptions.Section, ContentOptions.Section, ResultsOptions.Section, EdgeOptions.Section, "ConnectionStrings",
        "Serilog", "Kestrel", "Logging",
    ];

    private static readonly string OptionList = "Server options: --urls, --environment, --contentRoot, or "
        + $"--SECTION:KEY VALUE with a section of {string.Join(", ", Sections)}.";

    /// <summary>
    /// True when the arguments are for the admin tool: a verb, help, or a first word or option the server does not
    /// take (a mistyped verb or option); the server's own are its options and the configuration switches.
    /// </summary>
    public static bool IsCommand(string[] args) =>
        args.Length > 0 && (HelpOptions.Contains(args[0], StringComparer.Ordinal) || !IsServerArgument(args[0]));

    /// <summary>
    /// The error for a first word that is no verb, or a first option the server does not know, naming the nearest
    /// verb or option; null when there is none.
    /// </summary>
    internal static string? UnknownVerb(string[] args)
    {
        if (args.Length == 0 || Verbs.Contains(args[0], StringComparer.Ordinal)
            || HelpOptions.Contains(args[0], StringComparer.Ordinal) || IsServerArgument(args[0]))
        {
            return null;
        }

        var word = args[0];
        if (word.StartsWith('-'))
        {
            var nearestOption = Nearest(OptionKey(word), OptionCandidates(OptionKey(word)));
            return $"unknown option '{word}'{Hint(nearestOption)} Verbs: {string.Join(", ", Verbs)}. {OptionList}";
        }

        var nearest = Nearest(word, Verbs.Select(v => (v, v)));
        return $"unknown verb '{word}'{Hint(nearest)} Verbs: {string.Join(", ", Verbs)}.";
    }

    private static string Hint(string? nearest) => nearest is null ? "." : $"; did you mean '{nearest}'?";

    // The candidate within two edits of the typed word (case aside), or null.
    private static string? Nearest(string typed, IEnumerable<(string Shown, string Word)> candidates)
    {
        var lower = typed.ToLowerInvariant();
        var (shown, distance) = candidates
            .Select(c => (c.Shown, Distance: VerbDistance.Between(lower, c.Word.ToLowerInvariant())))
            .MinBy(c => c.Distance);
        return distance <= 2 ? shown : null;
    }

    // Verbs, the host's options, and, for a configuration path, the sections with the rest of the path kept.
    private static IEnumerable<(string Shown, string Word)> OptionCandidates(string key)
    {
        var colon = key.IndexOf(':', StringComparison.Ordinal);
        return Verbs.Select(v => (v, v))
            .Concat(HostOptions.Select(o => ("--" + o, o)))
            .Concat(colon < 0 ? [] : Sections.Select(s => ("--" + s + key[colon..], s + key[colon..])));
    }

    // --urls, --environment=Production, --Site:Name x, -Site:Name=x, Site:Name=x: the host's, as with no verb at
    // all. A single dash without '=' is one the host ignores (it maps no short switches), so it is a mistake too.
    private static bool IsServerArgument(string argument)
    {
        if (!argument.StartsWith('-'))
        {
            return argument.Contains('=', StringComparison.Ordinal);
        }

        if (!argument.StartsWith("--", StringComparison.Ordinal) && !argument.Contains('=', StringComparison.Ordinal))
        {
            return false;
        }

        // A section's own key ("--Site=") comes too: the test host passes its whole configuration, sections
        // (with no value) included.
        var key = OptionKey(argument);
        var section = key.Split(':')[0];
        return HostOptions.Contains(key, StringComparer.OrdinalIgnoreCase)
            || Sections.Contains(section, StringComparer.OrdinalIgnoreCase);
    }

    // "--Site:Name=x" → "Site:Name": the configuration key an option sets.
    private static string OptionKey(string option)
    {
        var key = option.TrimStart('-');
        var equals = key.IndexOf('=', StringComparison.Ordinal);
        return equals < 0 ? key : key[..equals];
    }

    public static async Task<int> RunAsync(string[] args, SiteRoot root)
    {
        if (UnknownVerb(args) is { } unknown)
        {
            // Before anything starts: a typo must not set up a database or bind a port.
            await Console.Error.WriteLineAsync($"error: {unknown}");
            return 2;
        }

        var command = new RootCommand(
            "ComparisonSite: technology comparisons whose figures come from a PostgreSQL results store. "
            + "Run with no verb to serve the site.");
        command.Subcommands.Add(MigrateCommand.Create(root));
        command.Subcommands.Add(ImportCommand.Create(root));
        command.Subcommands.Add(RunsCommand.Create(root));
        command.Subcommands.Add(CheckCommand.Create(root));
        command.Subcommands.Add(HealthCommand.Create());
        command.Subcommands.Add(NewCommand.Create(root));
        try
        {
            return await command.Parse(args)
                .InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (Exception ex) when (ex is InvalidOperationException or NpgsqlException or IOException)
        {
            // Expected failures (no server binaries, store unreachable, a broken migration) get a message,
            // not a stack trace.
            await Console.Error.WriteLineAsync($"error: {ex.Message}");
            return 2;
        }
    }

    /// <summary>
    /// The services a verb needs, with the store started; dispose to stop it (and any cluster it started).
    /// </summary>
    internal static async Task<CommandServices> StartStoreAsync(
        SiteRoot root, CancellationToken cancellationToken, string? contentPath = null)
    {
        var builder = Host.CreateApplicationBuilder(
            new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory, Args = [] });
        if (contentPath is not null)
        {
            builder.Configuration[$"{ContentOptions.Section}:{nameof(ContentOptions.Path)}"] =
                Path.GetFullPath(contentPath);
        }

        builder.Configuration[$"{ContentOptions.Section}:{nameof(ContentOptions.WatchForChanges)}"] = "false";
        builder.Services.AddSingleton(root);
        builder.Services.AddResultsStore();
        builder.Services.AddContent();
        builder.Services.AddOptions<SiteOptions>().Bind(builder.Configuration.GetSection(SiteOptions.Section));
        builder.Services.AddSiteFormatter();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<CacheRoom>();
        builder.Services.AddSingleton<ArticlePageRenderer>();
        builder.Services.AddSerilog(logger => logger
            .MinimumLevel.Warning()
            .WriteTo.Console(
                standardErrorFromLevel: LogEventLevel.Verbose,
                outputTemplate: "{Message:lj}{NewLine}{Exception}",
                formatProvider: CultureInfo.InvariantCulture));
        var host = builder.Build();
        var database = host.Services.GetRequiredService<ResultsDatabase>();
        await database.StartAsync(cancellationToken);
        return new CommandServices(host, database);
    }
}

/// <summary>A started store for one verb's run.</summary>
internal sealed class CommandServices(IHost host, ResultsDatabase database) : IAsyncDisposable
{
    public IServiceProvider Services => host.Services;

    public T Get<T>()
        where T : notnull => host.Services.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        await database.StopAsync(CancellationToken.None);
        host.Dispose();
    }
}
