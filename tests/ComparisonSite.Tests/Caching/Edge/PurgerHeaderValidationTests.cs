using ComparisonSite.Caching.Edge;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ComparisonSite.Tests.Caching.Edge;

/// <summary>A purge secret is configured, never defaulted: an empty one stops the start, naming the setting.</summary>
public sealed class PurgerHeaderValidationTests
{
    [Fact]
    public void A_purger_header_with_no_value_is_refused_by_its_setting_name()
    {
        var options = Options(new()
        {
            ["Edge:Purgers:0:Url"] = "http://varnish/",
            ["Edge:Purgers:0:Headers:Surrogate-Key"] = "{keys}",
            ["Edge:Purgers:0:Headers:Purge-Secret"] = "",
        });

        var error = Assert.Throws<OptionsValidationException>(() => options.Value);

        Assert.Equal(
            "Edge:Purgers:0:Headers:Purge-Secret is empty: set its value (a purge secret is never defaulted)",
            Assert.Single(error.Failures));
    }

    [Fact]
    public void A_purger_with_its_secret_set_is_accepted()
    {
        var options = Options(new()
        {
            ["Edge:Purgers:0:Url"] = "http://varnish/",
            ["Edge:Purgers:0:Headers:Purge-Secret"] = "a-long-enough-secret",
        });

        Assert.Equal("a-long-enough-secret", options.Value.Purgers[0].Headers["Purge-Secret"]);
    }

    private static IOptions<EdgeOptions> Options(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddEdgeCache();
        return services.BuildServiceProvider().GetRequiredService<IOptions<EdgeOptions>>();
    }
}
