using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;

namespace ComparisonSite.Hosting;

/// <summary>
/// Brotli and gzip at their best ratio, for HTTPS too (the site serves no secrets a compression side channel
/// could leak), and for SVG, Atom and CSV besides the defaults. Generated responses are compressed once and
/// then served from the page cache, so the slower levels cost little.
/// </summary>
internal static class Compression
{
    public static IServiceCollection AddCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = ResponseCompressionDefaults.MimeTypes
                .Concat(["image/svg+xml", "application/atom+xml", "text/csv"]);
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);
        return services;
    }
}
