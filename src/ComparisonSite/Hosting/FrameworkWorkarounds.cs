using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace ComparisonSite.Hosting;

/// <summary>
/// The two places where the site reaches into ASP.NET Core's internals, by a type's name and by two property
/// keys, to leave out what a read-only site without users never needs. A framework update may rename either;
/// each has a test that fails if it stops working:
/// <list type="bullet">
/// <item><see cref="SkipAntiforgery"/>: StartupTests.Start_up_leaves_out_antiforgery_as_no_page_has_a_form.</item>
/// <item><see cref="SkipAuthenticationMiddleware"/>:
/// OutputCachingTests.No_authentication_or_authorization_middleware_runs_for_a_request.</item>
/// </list>
/// </summary>
internal static class FrameworkWorkarounds
{
    /// <summary>
    /// Razor Pages bring antiforgery: a validation filter on every page, and Data Protection, whose hosted service
    /// loads (or creates) a key ring at start-up. No page has a form and unsafe methods answer 405 before any
    /// page runs, so neither ever has work to do; dropping both keeps ~70 ms of key generation, hashing and file
    /// I/O out of every cold start. Call after AddRazorPages.
    /// </summary>
    public static IServiceCollection SkipAntiforgery(this IServiceCollection services)
    {
        var dataProtection = typeof(DataProtectionOptions).Assembly;
        var unused = services.Where(d =>
            (d.ServiceType == typeof(IHostedService) && d.ImplementationType?.Assembly == dataProtection)
            || (d.ServiceType == typeof(IPageApplicationModelProvider)
                && d.ImplementationType?.Name == "AutoValidateAntiforgeryPageApplicationModelProvider")).ToList();
        foreach (var descriptor in unused)
        {
            services.Remove(descriptor);
        }

        return services;
    }

    /// <summary>
    /// Razor Pages register authentication and authorization services, and WebApplication then puts both
    /// middlewares in front of every request unless the app has placed them itself, which it records under
    /// these two keys. The site has no users and no page has [Authorize], so the two only cost time: ~3% of
    /// the requests/s of cached pages (bench/serve.sh). Were the keys ever renamed, the middlewares would come
    /// back and the test would say so; were a page to demand authorization, endpoint routing would stop it
    /// with an error.
    /// </summary>
    public static void SkipAuthenticationMiddleware(this IApplicationBuilder app)
    {
        app.Properties["__AuthenticationMiddlewareSet"] = true;
        app.Properties["__AuthorizationMiddlewareSet"] = true;
    }
}
