using ComparisonSite.Commands;

namespace ComparisonSite.Tests.Commands;

/// <summary>
/// A first word that is neither a verb nor a server option is a mistake to report, not a reason to start serving.
/// </summary>
public sealed class UnknownVerbTests
{
    private const string VerbList = "Verbs: migrate, import, runs, check, health, new.";

    private const string OptionList = " Server options: --urls, --environment, --contentRoot, or --SECTION:KEY VALUE "
        + "with a section of Site, Content, Results, Edge, ConnectionStrings, Serilog, Kestrel, Logging.";

    [Theory]
    [InlineData("improt", "unknown verb 'improt'; did you mean 'import'? " + VerbList)]
    [InlineData("migrat", "unknown verb 'migrat'; did you mean 'migrate'? " + VerbList)]
    [InlineData("Check", "unknown verb 'Check'; did you mean 'check'? " + VerbList)]
    [InlineData("run", "unknown verb 'run'; did you mean 'runs'? " + VerbList)]
    [InlineData("serve", "unknown verb 'serve'. " + VerbList)]
    [InlineData("run.json", "unknown verb 'run.json'. " + VerbList)]
    public void A_first_word_that_is_no_verb_is_named_with_the_nearest_verb(string word, string expected)
    {
        Assert.Equal(expected, SiteCommands.UnknownVerb([word, "run.json"]));
    }

    [Theory]
    [InlineData("--imprt", "unknown option '--imprt'; did you mean 'import'? " + VerbList + OptionList)]
    [InlineData("-migrate", "unknown option '-migrate'; did you mean 'migrate'? " + VerbList + OptionList)]
    [InlineData("--url", "unknown option '--url'; did you mean '--urls'? " + VerbList + OptionList)]
    [InlineData("--Sitee:Name", "unknown option '--Sitee:Name'; did you mean '--Site:Name'? " + VerbList + OptionList)]
    [InlineData("--serve", "unknown option '--serve'. " + VerbList + OptionList)]
    public void A_first_option_the_server_does_not_know_is_named_with_the_nearest_verb_or_option(
        string option, string expected)
    {
        Assert.Equal(expected, SiteCommands.UnknownVerb([option, "run.json"]));
    }

    [Theory]
    [InlineData]
    [InlineData("--URLS", "http://127.0.0.1:5001")]
    [InlineData("--ConnectionStrings:Results=Host=db")]
    [InlineData("--contentRoot", "/srv")]
    [InlineData("-h")]
    [InlineData("--urls", "http://127.0.0.1:5001")]
    [InlineData("--environment=Development")]
    [InlineData("--Site:Name", "x")]
    [InlineData("--Site=")]
    [InlineData("Site:Name=x")]
    [InlineData("import", "run.json")]
    [InlineData("health")]
    [InlineData("--help")]
    public void Verbs_options_and_configuration_switches_are_not_unknown_verbs(params string[] args)
    {
        Assert.Null(SiteCommands.UnknownVerb(args));
    }

    [Theory]
    [InlineData("improt", "unknown verb 'improt'; did you mean 'import'? " + VerbList)]
    [InlineData("--imprt", "unknown option '--imprt'; did you mean 'import'? " + VerbList + OptionList)]
    [InlineData("-migrate", "unknown option '-migrate'; did you mean 'migrate'? " + VerbList + OptionList)]
    public async Task The_executable_refuses_a_mistyped_verb_with_exit_code_2_and_starts_nothing(
        string word, string expected)
    {
        var cluster = Path.Combine(
            Path.GetTempPath(), "comparisonsite-tests", "verb-" + Guid.NewGuid().ToString("N")[..8]);
        var start = SiteProcess.StartInfo(
            [word, "run.json"],
            new Dictionary<string, string>
            {
                ["ConnectionStrings__Results"] = string.Empty,
                ["Results__LocalClusterPath"] = cluster,
                ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{Loopback.FreePort()}",
            });

        var result = await ToolProcess.RunAsync(start, TimeSpan.FromSeconds(30));

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("error: " + expected, result.Error.Trim());
        Assert.Equal(string.Empty, result.Output);
        Assert.False(Directory.Exists(cluster), "a private PostgreSQL was set up for a mistyped verb");
    }
}
