using ComparisonSite;
using ComparisonSite.Caching;
using ComparisonSite.Caching.Edge;
using ComparisonSite.Commands;
using ComparisonSite.Content;
using ComparisonSite.Downloads;
using ComparisonSite.Editing;
using ComparisonSite.Hosting;
using ComparisonSite.Results;
using ComparisonSite.Routing;
using ComparisonSite.Search;
using ComparisonSite.Seo;
using Serilog;

var root = SiteRoot.Locate(Environment.GetEnvironmentVariable("Site__Root"));
if (SiteCommands.IsCommand(args))
{
    return await SiteCommands.RunAsync(args, root);
}

// The slim builder leaves out what this site never uses (HTTPS endpoints, as TLS ends at the proxy; IIS;
// hosting startup assemblies; host filtering with AllowedHosts "*"), about 50 ms of every cold start.
var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
{
    Args = args,
    // appsettings*.json sit next to the binaries; content/, wwwroot/ and migrations/ under the site root.
    ContentRootPath = AppContext.BaseDirectory,
    WebRootPath = root.Combine("wwwroot"),
});

// Hosting: Kestrel, logging, the site's options, forwarded headers and compression.
builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
builder.AddSiteLogging();
builder.Services.AddSiteOptions(root);
builder.Services.AddTrustedProxies();
builder.Services.AddCompression();

// Features: pages, content, the results store and its sync.
builder.Services.AddSitePages();
builder.Services.AddContent();
builder.Services.AddResultsStore();
builder.Services.AddResultsSync();
builder.Services.AddEditor(builder.Environment);
builder.Services.AddSiteSearch();

// Start-up (content load and results sync, begun once) and HTTP caching.
builder.Services.AddStartupLoads();
builder.Services.AddHttpCaching();
builder.Services.AddEdgeCache();

var app = builder.Build();
app.Services.BeginStartupLoads();
app.SkipAuthenticationMiddleware();

// Only proxies listed in Site:TrustedProxies may set the client address and scheme.
app.UseForwardedHeaders();
app.UseSecurityHeaders(app.Environment);

// Routing first, so the page cache knows which endpoints it keeps; the start-up gate before it, as a page's
// cache key names the content and results it shows. A hit ends the request there: everything after it is
// only for misses. (Hits are therefore not in the request log; in Production that log holds failures only,
// which are never served from the cache.) The error and status-code pages re-execute through routing of
// their own, as ASP.NET Core does when routing comes first.
app.UseRouting();
app.UseStartupGate();
app.UsePageCache();

// Misses: errors, logging, the read-only and one-address rules.
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error");
}

app.UseStatusCodePagesWithReExecute("/status/{0}");
app.UseSerilogRequestLogging(o => o.GetLevel = RequestLogLevels.For(app.Environment));
app.UseReadOnlyMethods();
app.UseTrailingSlashRedirect();

// ETags and cache headers hash and describe the bytes sent, so they wrap compression (see HttpCaching for
// why caching has two places in the pipeline); static files are compressed too and keep their own tags and
// lifetimes (set by AddHttpCaching).
app.UseCacheHeaders();
app.UseResponseCompression();
app.UseStaticFiles();

// Every route under a comparison's address answers its slug alike (404, 301, 410, 503) before its own code runs.
app.UseSlugPolicy();

// Endpoints.
app.MapHealthEndpoints();
app.MapSeoEndpoints();
app.MapResultsDownloads();
app.MapFigureDownloads();
app.MapEditor(app.Environment);
app.MapSearchEndpoints();
app.MapRazorPages().CachePage();

await app.RunAsync();
return 0;

/// <summary>Entry point; public so integration tests can host the real site.</summary>
public partial class Program;
