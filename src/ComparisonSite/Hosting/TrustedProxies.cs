using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace ComparisonSite.Hosting;

/// <summary>
/// Only proxies listed in Site:TrustedProxies may set the client address and scheme (X-Forwarded-For and
/// X-Forwarded-Proto); with none listed, forwarded headers are ignored. Used by UseForwardedHeaders.
/// </summary>
internal static class TrustedProxies
{
    public static IServiceCollection AddTrustedProxies(this IServiceCollection services)
    {
        services.AddOptions<SiteOptions>()
            .Validate(
                o => o.TrustedProxies.All(p => IPAddress.TryParse(p, out _)),
                "Site:TrustedProxies must list IP addresses");
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<SiteOptions>>((forwarded, site) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var proxy in site.Value.TrustedProxies)
            {
                forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
            }
        });
        return services;
    }
}
