using System.CommandLine;
using System.Globalization;
using ComparisonSite.Articles;
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

    /// <summary>
    /// True when the arguments are for the admin tool: a verb, help, or a first bare word, which is a mistyped
    /// verb rather than anything the server takes (its options start with '-', its switches hold '=').
    /// </summary>
    public static bool IsCommand(string[] args) =>
        args.Length > 0 && (HelpOptions.Contains(args[0], StringComparer.Ordinal) || !IsServerArgument(args[0]));

    /// <summary>The error for a first word that is no verb (naming the nearest), or null when there is none.</summary>
    internal static string? UnknownVerb(string[] args)
    {
        if (args.Length == 0 || Verbs.Contains(args[0], StringComparer.Ordinal)
            || HelpOptions.Contains(args[0], StringComparer.Ordinal) || IsServerArgument(args[0]))
        {
            return null;
        }

        var word = args[0];
        var nearest = Verbs.MinBy(v => VerbDistance.Between(word.ToLowerInvariant(), v))!;
        var hint = VerbDistance.Between(word.ToLowerInvariant(), nearest) <= 2 ? $"; did you mean '{nearest}'?" : ".";
        return $"unknown verb '{word}'{hint} Verbs: {string.Join(", ", Verbs)}.";
    }

    // --urls, --environment=Production, --Site:Name x, Site:Name=x: the host's, as with no verb at all.
    private static bool IsServerArgument(string argument) =>
        argument.StartsWith('-') || argument.Contains('=', StringComparison.Ordinal);

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
