namespace ComparisonSite.Tests.Commands;

public sealed class CheckCommandTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    [Fact]
    public async Task The_repository_content_passes_a_strict_check()
    {
        var check = await SiteProcess.RunVerbAsync(await postgres.CreateDatabaseAsync(), "check", "--strict");

        Assert.Equal(
            "1 comparisons checked: 0 errors, 0 warnings (strict: warnings count as errors).", check.Output.Trim());
        Assert.Equal(0, check.ExitCode);
    }

    [Fact]
    public async Task Typed_figures_unknown_references_and_broken_links_are_reported_with_file_and_line()
    {
        var content = Path.Combine(FixturePaths.Root, "check-site", "content");

        var check = await SiteProcess.RunVerbAsync(await postgres.CreateDatabaseAsync(), "check", "--content", content);

        var prefix = Path.GetRelativePath(SiteRoot.Locate(null).Path, content).Replace('\\', '/')
            + "/typed-figures/01-speed.md";
        Assert.Equal(
        [
            $"{prefix}:5: warning: '8,520 req/s' looks like a benchmark figure typed by hand; "
                + $"take it from the store with {{{{value fastapi json rps}}}}",
            $"{prefix}:5: warning: '0.7 s' looks like a benchmark figure typed by hand; "
                + $"take it from the store with {{{{value fastapi idle cold-start}}}}",
            $"{prefix}:5: warning: '$200/month' looks like a benchmark figure typed by hand; "
                + $"take it from the store with {{{{value fastapi traffic-10m server-cost}}}}",
            $"{prefix}:7: error: {{{{value django json throughput}}}}: unknown metric 'throughput' "
                + "(known: cold-start, connections, memory, p50, p99, round-trips, rps, score, server-cost)",
            $"{prefix}:7: error: link to '#nowhere' has no matching anchor on the page "
                + "(anchors: #speed, or a heading's id)",
            $"{prefix}:7: error: link to '/no-such-page' does not resolve to a page or file on this site",
            $"{prefix}:9: warning: '2190 req/s' looks like a benchmark figure typed by hand; "
                + $"take it from the store with {{{{value flask json rps}}}}",
            "1 comparisons checked: 3 errors, 4 warnings.",
        ], check.Output.Trim().Split('\n'));
        Assert.Equal(1, check.ExitCode);
    }

    [Fact]
    public async Task Data_older_than_maxDataAge_and_overtaken_pins_are_warnings_naming_the_file_and_line()
    {
        var content = FixturePaths.FreshnessSiteContent;
        var database = await postgres.CreateDatabaseAsync();
        var fixture = Path.Combine(FixturePaths.Root, "imports", "measured-fixture.json");
        Assert.Equal(0, (await SiteProcess.RunVerbAsync(database, "import", fixture)).ExitCode);

        var check = await SiteProcess.RunVerbAsync(database, "check", "--content", content, "--strict");

        var prefix = Path.GetRelativePath(SiteRoot.Locate(null).Path, content).Replace('\\', '/');
        var age = DateOnly.FromDateTime(DateTime.UtcNow).DayNumber - new DateOnly(2026, 3, 31).DayNumber;
        Assert.Equal(
        [
            $"{prefix}/pinned-figures/01-speed.md:6: warning: run=measured-fixture (2026-11-20) is not the newest "
                + "measured run of python-web-frameworks: measured-2026-12-07 (2026-12-07) is newer; cite it, or "
                + "name origin=measured to follow the newest",
            $"{prefix}/stale-figures/index.md:12: warning: run bytepulse-2026-03 of python-web-frameworks is dated "
                + $"2026-03-31, {age} days ago, older than the 180 days maxDataAge allows; import a newer run or "
                + "raise the limit",
            "4 comparisons checked: 0 errors, 2 warnings (strict: warnings count as errors).",
        ], check.Output.Trim().Split('\n'));
        Assert.Equal(1, check.ExitCode);
    }
}
