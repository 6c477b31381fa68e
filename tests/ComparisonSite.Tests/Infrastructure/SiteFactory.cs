using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ComparisonSite.Tests.Infrastructure;

/// <summary>
/// The real site, hosted in-process against a real PostgreSQL database, with the settings a test gives.
/// Production unless told otherwise, because that is what readers get.
/// </summary>
internal sealed class SiteFactory(IReadOnlyDictionary<string, string?> settings, string environment)
    : WebApplicationFactory<Program>
{
    public static SiteFactory Create(
        string contentPath,
        string connectionString,
        string environment = "Production",
        IReadOnlyDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Content:Path"] = contentPath,
            ["ConnectionStrings:Results"] = connectionString,
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return new SiteFactory(settings, environment);
    }

    public static string RepositoryContent => SiteRoot.Locate(null).Combine("content");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>A client that does not follow redirects, so a test sees each answer as a crawler would.</summary>
    public HttpClient CreateReader() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public T Get<T>()
        where T : notnull => (T)Services.GetService(typeof(T))!;

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response) =>
        await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStreamAsync());
}
