using System.Text;
using ComparisonSite.Articles;
using ComparisonSite.Caching;
using ComparisonSite.Content;
using ComparisonSite.Pages;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ComparisonSite.Tests.Caching;

/// <summary>Cached pages cost no rendering, and each kind of change evicts exactly the pages it affects.</summary>
public sealed class OutputCachingTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    [Fact]
    public async Task A_second_request_is_served_from_the_cache_with_no_rendering()
    {
        await using var site = await TestSite.CreateAsync(postgres);
        var reader = site.CreateReader();
        var renderer = site.Get<ArticlePageRenderer>();

        var first = await reader.GetStringAsync("/fastapi-vs-django-vs-flask");
        var rendersAfterFirst = renderer.RenderCount;
        var loadsAfterFirst = site.Get<ContentLibrary>().Current;
        using var hit = await reader.GetAsync("/fastapi-vs-django-vs-flask");
        var second = await hit.Content.ReadAsStringAsync();

        Assert.Equal(1, rendersAfterFirst);
        // Sent with its length (not chunked), straight from the cache entry.
        Assert.Equal(Encoding.UTF8.GetByteCount(second), hit.Content.Headers.ContentLength);
        Assert.Equal(rendersAfterFirst, renderer.RenderCount);
        Assert.Same(loadsAfterFirst, site.Get<ContentLibrary>().Current);
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task A_content_edit_evicts_only_the_edited_comparison()
    {
        await using var site = await TestSite.CreateAsync(postgres, FixturePaths.SecondSiteContent, editable: true);
        var reader = site.CreateReader();
        var renderer = site.Get<ArticlePageRenderer>();
        await reader.GetStringAsync("/postgresql-vs-sqlite");
        var untouched = await reader.GetStringAsync("/tricky-characters");
        var renders = renderer.RenderCount;

        var index = Path.Combine(site.Content, "postgresql-vs-sqlite", "index.md");
        var original = await File.ReadAllTextAsync(index);
        await File.WriteAllTextAsync(
            index,
            original.Replace("for small web apps", "for tiny web apps", StringComparison.Ordinal));
        await Eventually.TrueAsync(async () =>
        {
            var page = await reader.GetStringAsync("/postgresql-vs-sqlite");
            return page.Contains("for tiny web apps", StringComparison.Ordinal);
        });

        Assert.Equal(untouched, await reader.GetStringAsync("/tricky-characters"));
        Assert.Equal(renders + 1, renderer.RenderCount);
    }

    [Fact]
    public async Task A_results_import_evicts_the_pages_citing_that_suite_and_no_others()
    {
        await using var site = await TestSite.CreateAsync(postgres, FixturePaths.SecondSiteContent, editable: true);
        var reader = site.CreateReader();
        var renderer = site.Get<ArticlePageRenderer>();
        var before = await reader.GetStringAsync("/postgresql-vs-sqlite");
        var untouched = await reader.GetStringAsync("/tricky-characters");
        var renders = renderer.RenderCount;
        var modified = (await reader.GetAsync("/postgresql-vs-sqlite")).Content.Headers.LastModified;

        var embeddedRun = Path.Combine(FixturePaths.Root, "imports", "embedded-run.json");
        var import = await SiteProcess.RunVerbAsync(site.Database, "import", embeddedRun);
        Assert.Equal(0, import.ExitCode);
        await Eventually.TrueAsync(async () =>
            (await reader.GetAsync("/postgresql-vs-sqlite")).Content.Headers.LastModified != modified);

        Assert.NotEqual(before, await reader.GetStringAsync("/postgresql-vs-sqlite"));
        Assert.Equal(untouched, await reader.GetStringAsync("/tricky-characters"));
        Assert.Equal(renders + 1, renderer.RenderCount);
    }

    [Fact]
    public async Task Two_instances_on_one_database_both_serve_a_new_import_within_a_second()
    {
        await using var first = await TestSite.CreateAsync(postgres);
        await using var second = SiteFactory.Create(first.Content, first.Database);
        var readers = new[] { first.CreateReader(), second.CreateReader() };
        foreach (var reader in readers)
        {
            var page = await reader.GetStringAsync("/fastapi-vs-django-vs-flask");
            Assert.Contains("8,520", page, StringComparison.Ordinal);
        }

        var secondRun = Path.Combine(FixturePaths.Root, "imports", "second-run.json");
        var import = await SiteProcess.RunVerbAsync(first.Database, "import", secondRun);
        var committed = Stopwatch.StartNew();
        Assert.Equal(0, import.ExitCode);

        foreach (var reader in readers)
        {
            await Eventually.TrueAsync(async () =>
            {
                var page = await reader.GetStringAsync("/fastapi-vs-django-vs-flask");
                return page.Contains("9,200", StringComparison.Ordinal);
            });
        }

        Assert.True(
            committed.Elapsed < TimeSpan.FromSeconds(1),
            $"both instances served the new run after {committed.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task A_cache_hit_carries_every_header_of_the_original_and_answers_conditional_and_head_requests()
    {
        await using var site = await TestSite.CreateAsync(postgres);
        var reader = site.CreateReader();
        using var miss = await reader.GetAsync("/fastapi-vs-django-vs-flask");
        var entries = site.Get<PageCache>().Count;
        using var hit = await reader.GetAsync("/fastapi-vs-django-vs-flask");

        Assert.Equal(entries, site.Get<PageCache>().Count);
        Assert.Equal(HttpStatusCode.OK, hit.StatusCode);
        string[] headers =
        [
            "ETag", "Cache-Control", "Vary", "Content-Security-Policy", "X-Content-Type-Options", "X-Frame-Options",
            "Referrer-Policy", "Permissions-Policy",
        ];
        foreach (var header in headers)
        {
            Assert.Equal(HeaderValues(miss, header), HeaderValues(hit, header));
        }

        Assert.Equal(miss.Content.Headers.LastModified, hit.Content.Headers.LastModified);
        Assert.Equal(miss.Content.Headers.ContentType, hit.Content.Headers.ContentType);

        using var revalidate = new HttpRequestMessage(HttpMethod.Get, "/fastapi-vs-django-vs-flask")
        {
            Headers = { IfNoneMatch = { hit.Headers.ETag! } },
        };
        using var notModified = await reader.SendAsync(revalidate);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(hit.Headers.ETag, notModified.Headers.ETag);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());

        using var head = await reader.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/fastapi-vs-django-vs-flask"));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(hit.Content.Headers.ContentLength, head.Content.Headers.ContentLength);
        Assert.Equal(hit.Headers.ETag, head.Headers.ETag);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Each_encoding_is_its_own_entry_and_query_strings_add_none()
    {
        await using var site = await TestSite.CreateAsync(postgres);
        var reader = site.CreateReader();
        var cache = site.Get<PageCache>();
        var plain = await reader.GetByteArrayAsync("/fastapi-vs-django-vs-flask");
        var entries = cache.Count;

        using var brotli = new HttpRequestMessage(HttpMethod.Get, "/fastapi-vs-django-vs-flask")
        {
            Headers = { { "Accept-Encoding", "br" } },
        };
        using var compressed = await reader.SendAsync(brotli);
        Assert.Equal("br", Assert.Single(compressed.Content.Headers.ContentEncoding));
        Assert.Equal(entries + 1, cache.Count);
        Assert.Equal(plain, await reader.GetByteArrayAsync("/fastapi-vs-django-vs-flask"));

        for (var i = 0; i < 20; i++)
        {
            var withQuery = $"/fastapi-vs-django-vs-flask?utm_source={i}&x=%3Cscript%3E";
            Assert.Equal(plain, await reader.GetByteArrayAsync(withQuery));
        }

        Assert.Equal(entries + 1, cache.Count);
    }

    [Fact]
    public async Task Static_files_health_and_error_responses_are_never_kept()
    {
        await using var site = await TestSite.CreateAsync(postgres);
        var reader = site.CreateReader();
        var cache = site.Get<PageCache>();
        var page = await SiteFactory.ParseAsync(await reader.GetAsync("/fastapi-vs-django-vs-flask"));
        var entries = cache.Count;

        var stylesheet = page.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href");
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(stylesheet)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/healthz/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("/no-such-comparison")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("/no-such-comparison")).StatusCode);
        Assert.Equal(
            HttpStatusCode.MovedPermanently,
            (await reader.GetAsync("/fastapi-vs-django-vs-flask/")).StatusCode);
        Assert.Equal(entries, cache.Count);
    }

    [Fact]
    public async Task A_page_that_throws_answers_500_with_the_error_page_and_is_not_kept()
    {
        await using var site = await TestSite.CreateAsync(postgres);
        await using var failing = site.Factory.WithWebHostBuilder(b => b.ConfigureTestServices(services =>
            services.Configure<MvcOptions>(o => o.Filters.Add(new ThrowOnComparisonPages()))));
        var reader = failing.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var cache = failing.Services.GetRequiredService<PageCache>();

        for (var i = 0; i < 2; i++)
        {
            using var response = await reader.GetAsync("/fastapi-vs-django-vs-flask");
            var page = await SiteFactory.ParseAsync(response);
            Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
            Assert.True(response.Headers.CacheControl?.NoStore);
            Assert.Equal("Something went wrong", page.QuerySelector("h1")?.TextContent);
            Assert.DoesNotContain("8,520", page.Body!.TextContent, StringComparison.Ordinal);
        }

        Assert.Equal(0, cache.Count);
    }

    /// <summary>A fault in the comparison page itself (the error page, re-executed, renders as usual).</summary>
    private sealed class ThrowOnComparisonPages : IPageFilter
    {
        public void OnPageHandlerSelected(PageHandlerSelectedContext context)
        {
        }

        public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
        {
            if (context.HandlerInstance is ComparisonModel)
            {
                throw new InvalidOperationException("a fault while rendering the page");
            }
        }

        public void OnPageHandlerExecuted(PageHandlerExecutedContext context)
        {
        }
    }

    [Fact]
    public async Task No_authentication_or_authorization_middleware_runs_for_a_request()
    {
        var seen = new List<bool>();
        await using var site = await TestSite.CreateAsync(postgres);
        await using var observed = site.Factory.WithWebHostBuilder(b => b.ConfigureTestServices(services =>
            services.AddSingleton<IStartupFilter>(new ObserveAuthentication(seen))));
        var reader = observed.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/fastapi-vs-django-vs-flask")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/fastapi-vs-django-vs-flask")).StatusCode);
        Assert.Equal([false, false], seen);
    }

    /// <summary>Wraps the whole pipeline and records whether the authentication middleware left its feature.</summary>
    private sealed class ObserveAuthentication(List<bool> seen) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, inner) =>
            {
                await inner(context);
                lock (seen)
                {
                    seen.Add(context.Features.Get<IAuthenticationFeature>() is not null);
                }
            });
            next(app);
        };
    }

    private static string HeaderValues(HttpResponseMessage response, string name)
    {
        var values = response.Headers.TryGetValues(name, out var inHeaders)
            ? inHeaders
            : response.Content.Headers.GetValues(name);
        return string.Join(", ", values);
    }
}
