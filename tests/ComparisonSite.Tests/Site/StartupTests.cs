using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ComparisonSite.Tests.Site;

/// <summary>What start-up does (and leaves out) on the way to the first page.</summary>
public sealed class StartupTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    [Fact]
    public async Task Requests_that_arrive_during_start_up_wait_for_the_loads_instead_of_failing()
    {
        // An empty database: the first start migrates and seeds it, so the loads take a while.
        await using var site = await SiteServer.StartAsync(await postgres.CreateDatabaseAsync(), waitUntilReady: false);
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var answers = new List<HttpStatusCode>();
        var deadline = Stopwatch.StartNew();
        while (answers.Count == 0 || answers[^1] != HttpStatusCode.OK)
        {
            Assert.True(
                deadline.Elapsed < TimeSpan.FromSeconds(60),
                $"no 200 within 60 s; answers: {string.Join(", ", answers)}\n{site.Log}");
            try
            {
                using var response = await client.GetAsync(site.BaseUrl + "/fastapi-vs-django-vs-flask");
                answers.Add(response.StatusCode);
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
                await Task.Delay(5);
            }
        }

        Assert.All(answers, status => Assert.Equal(HttpStatusCode.OK, status));
    }

    [Fact]
    public async Task Start_up_leaves_out_antiforgery_as_no_page_has_a_form()
    {
        await using var site = await TestSite.CreateAsync(postgres);
        using var response = await site.CreateReader().GetAsync("/fastapi-vs-django-vs-flask");
        var dataProtection = typeof(DataProtectionOptions).Assembly;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(site.Services.GetServices<IHostedService>(), s => s.GetType().Assembly == dataProtection);
        Assert.DoesNotContain(
            site.Services.GetServices<IPageApplicationModelProvider>(),
            p => p.GetType().Name.Contains("Antiforgery", StringComparison.Ordinal));
        Assert.DoesNotContain(response.Headers, h => h.Key == "Set-Cookie");
    }
}
