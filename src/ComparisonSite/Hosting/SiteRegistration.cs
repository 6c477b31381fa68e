using ComparisonSite.Articles;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.ResponseCompression;
using Serilog;
using Serilog.Formatting.Compact;
using Serilog.Settings.Configuration;

namespace ComparisonSite;

public static class SiteRegistration
{
    /// <summary>Serilog for the app and its requests, configured from the "Serilog" section (see appsettings.json).</summary>
    public static WebApplicationBuilder AddSiteLogging(this WebApplicationBuilder builder)
    {
        var json = builder.Configuration[$"{SiteOptions.Section}:{nameof(SiteOptions.LogFormat)}"] == "json";
        builder.Services.AddSerilog((services, logger) =>
        {
            // Levels come from configuration; sinks are set in code below. Naming the one sink assembly spares
            // the reader its scan of every DLL beside the app (~40 ms of each cold start).
            var readerOptions = new ConfigurationReaderOptions(typeof(ConsoleLoggerConfigurationExtensions).Assembly);
            logger.ReadFrom.Configuration(builder.Configuration, readerOptions).ReadFrom.Services(services).Enrich.FromLogContext();
            if (json)
            {
                logger.WriteTo.Console(new CompactJsonFormatter());
            }
            else
            {
                logger.WriteTo.Console(
                    outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}",
                    formatProvider: System.Globalization.CultureInfo.InvariantCulture);
            }
        });
        return builder;
    }

    /// <summary>Site options, pages and the services the pages read from.</summary>
    public static IServiceCollection AddSitePages(this IServiceCollection services, IConfiguration configuration, SiteRoot root)
    {
        services.AddSingleton(root);
        services.AddOptions<SiteOptions>()
            .Bind(configuration.GetSection(SiteOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => o.TrustedProxies.All(p => System.Net.IPAddress.TryParse(p, out _)), "Site:TrustedProxies must list IP addresses")
            .ValidateOnStart();
        services.AddOptions<ForwardedHeadersOptions>().Configure<Microsoft.Extensions.Options.IOptions<SiteOptions>>((forwarded, site) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var proxy in site.Value.TrustedProxies)
            {
                forwarded.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
            }
        });
        services.AddSingleton<ArticlePageRenderer>();
        services.AddSingleton<StartupLoads>();
        services.AddSingleton<Seo.SiteUrls>();
        services.AddRouting(o => o.ConstraintMap[SlugRouteConstraint.Name] = typeof(SlugRouteConstraint));
        services.AddRazorPages();
        services.SkipAntiforgery();
        services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(["image/svg+xml", "application/atom+xml", "text/csv"]);
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Optimal);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Optimal);
        return services;
    }

    /// <summary>
    /// Razor Pages bring antiforgery: a validation filter on every page, and Data Protection, whose hosted service
    /// loads (or creates) a key ring at start-up. No page has a form and unsafe methods answer 405 before any
    /// page runs, so neither ever has work to do; dropping both keeps ~70 ms of key generation, hashing and file
    /// I/O out of every cold start.
    /// </summary>
    private static void SkipAntiforgery(this IServiceCollection services)
    {
        var dataProtection = typeof(Microsoft.AspNetCore.DataProtection.DataProtectionOptions).Assembly;
        var unused = services.Where(d =>
            (d.ServiceType == typeof(IHostedService) && d.ImplementationType?.Assembly == dataProtection)
            || (d.ServiceType == typeof(Microsoft.AspNetCore.Mvc.ApplicationModels.IPageApplicationModelProvider)
                && d.ImplementationType?.Name == "AutoValidateAntiforgeryPageApplicationModelProvider")).ToList();
        foreach (var descriptor in unused)
        {
            services.Remove(descriptor);
        }
    }

    /// <summary>
    /// Starts loading the content and the results snapshot, side by side, as soon as the host is built: the
    /// loads overlap composing the request pipeline and binding Kestrel (see <see cref="StartupLoads"/>).
    /// </summary>
    public static void BeginStartupLoads(this IServiceProvider services) => _ = services.GetRequiredService<StartupLoads>().Ready;

    /// <summary>
    /// Razor Pages register authentication and authorization services, and WebApplication then puts both
    /// middlewares in front of every request unless the app has placed them itself, which it records under
    /// these two keys. The site has no users and no page has [Authorize], so the two only cost time: ~3% of
    /// the requests/s of cached pages (bench/serve.sh). Were the keys ever renamed, the middlewares would come
    /// back and OutputCachingTests would say so; were a page to demand authorization, endpoint routing would
    /// stop it with an error.
    /// </summary>
    public static void SkipAuthenticationMiddleware(this IApplicationBuilder app)
    {
        app.Properties["__AuthenticationMiddlewareSet"] = true;
        app.Properties["__AuthorizationMiddlewareSet"] = true;
    }
}
