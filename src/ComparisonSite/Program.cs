using ComparisonSite;
using ComparisonSite.Content;
using Serilog;

var root = SiteRoot.Locate(Environment.GetEnvironmentVariable("Site__Root"));
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, WebRootPath = root.Combine("wwwroot") });

builder.AddSiteLogging();
builder.Services.AddSitePages(builder.Configuration, root);
builder.Services.AddContent(builder.Configuration, builder.Environment);

var app = builder.Build();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error");
}

app.UseStatusCodePagesWithReExecute("/status/{0}");
app.UseSerilogRequestLogging();
app.UseTrailingSlashRedirect();
app.UseStaticFiles();
app.UseRouting();
app.MapRazorPages();

await app.RunAsync();

/// <summary>Entry point; public so integration tests can host the real site.</summary>
public partial class Program;
