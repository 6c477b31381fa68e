using ComparisonSite.Articles;
using ComparisonSite.Content;
using ComparisonSite.Figures;
using ComparisonSite.Results.Store;

namespace ComparisonSite.Tests.Articles;

/// <summary>
/// When an article's figures are older than its maxDataAge, or a run it pins has been overtaken, against
/// in-memory snapshots and a fixed day (the site tests cover the page, the check verb and the store).
/// </summary>
public sealed class ArticleFreshnessTests
{
    private static readonly FigureFormatter Formatter = new(CultureInfo.GetCultureInfo("en-US"));
    private static readonly DateOnly SeedDate = new(2026, 3, 31);

    [Theory]
    [InlineData(179, false)]
    [InlineData(180, false)]
    [InlineData(181, true)]
    [InlineData(2000, true)]
    public async Task Data_exactly_as_old_as_allowed_needs_no_notice_and_a_day_older_does(int age, bool notice)
    {
        var article = await LoadAsync("stale-figures");
        var snapshot = TestSnapshots.From(TestSnapshots.SeedDocument());
        var today = SeedDate.AddDays(age);

        var notices = ArticleFreshness.Notices(article, snapshot, today, Formatter);
        var warnings = ArticleFreshness.Warnings(article, snapshot, today).ToList();

        Assert.Equal(
            notice
                ? ["The figures below from Bytepulse's run “Bytepulse 30-day production benchmark” date from "
                    + "March 31, 2026, older than the 180 days this comparison allows; they are the newest reported "
                    + "figures we have, until a newer run is imported."]
                : [],
            notices.Select(n => n.Text));
        Assert.All(notices, n => Assert.Equal(SeedDate, n.DatedFrom));
        Assert.Equal(
            notice
                ? [$"stale-figures/index.md:12: warning: run bytepulse-2026-03 of python-web-frameworks is dated "
                    + $"2026-03-31, {age} days ago, older than the 180 days maxDataAge allows; import a newer run or "
                    + "raise the limit"]
                : [],
            warnings.Select(w => w.ToString()));
        Assert.Equal([SeedDate.AddDays(181)], ArticleFreshness.AgeLimitDays(article, snapshot));
    }

    [Fact]
    public async Task A_pinned_run_that_a_newer_run_of_its_origin_follows_gets_a_notice_and_a_warning_on_its_line()
    {
        var article = await LoadAsync("pinned-figures");
        var snapshot = TestSnapshots.From(
            TestSnapshots.SeedDocument(), TestSnapshots.MeasuredFixture(), TestSnapshots.MeasuredSeedDocument());
        var today = new DateOnly(2026, 12, 7);

        var notices = ArticleFreshness.Notices(article, snapshot, today, Formatter);
        var warnings = ArticleFreshness.Warnings(article, snapshot, today);

        var only = Assert.Single(notices);
        Assert.Equal(
            "A newer run (measured-2026-12-07, December 7, 2026) exists than the one cited in Speed "
            + "(measured-fixture, November 20, 2026); those figures stay as cited.",
            only.Text);
        Assert.Equal(new DateOnly(2026, 11, 20), only.DatedFrom);
        Assert.Equal(
            "pinned-figures/01-speed.md:6: warning: run=measured-fixture (2026-11-20) is not the newest measured run "
            + "of python-web-frameworks: measured-2026-12-07 (2026-12-07) is newer; cite it, or name origin=measured "
            + "to follow the newest",
            Assert.Single(warnings).ToString());
        Assert.Equal("measured-2026-12-07", ArticleFreshness.OvertakingVersion(article, snapshot));
    }

    [Fact]
    public async Task A_pinned_run_that_is_the_newest_of_its_origin_needs_no_notice_whatever_the_other_origin_does()
    {
        var article = await LoadAsync("current-pin");
        var snapshot = TestSnapshots.From(
            TestSnapshots.SeedDocument(), TestSnapshots.MeasuredFixture(), TestSnapshots.MeasuredSeedDocument());
        var today = new DateOnly(2026, 12, 7);

        Assert.Empty(ArticleFreshness.Notices(article, snapshot, today, Formatter));
        Assert.Empty(ArticleFreshness.Warnings(article, snapshot, today));
        Assert.Equal(string.Empty, ArticleFreshness.OvertakingVersion(article, snapshot));
    }

    [Fact]
    public async Task An_article_without_maxDataAge_never_gets_an_age_notice()
    {
        var article = await LoadAsync("current-pin");
        var snapshot = TestSnapshots.From(TestSnapshots.SeedDocument(), TestSnapshots.MeasuredSeedDocument());

        Assert.Empty(ArticleFreshness.Notices(article, snapshot, SeedDate.AddDays(5000), Formatter));
        Assert.Empty(ArticleFreshness.AgeLimitDays(article, snapshot));
    }

    [Fact]
    public void RunsOf_lists_a_suites_runs_newest_first()
    {
        var snapshot = TestSnapshots.From(
            TestSnapshots.MeasuredFixture(), TestSnapshots.SeedDocument(), TestSnapshots.MeasuredSeedDocument());

        Assert.Equal(
            ["measured-2026-12-07", "measured-fixture", "bytepulse-2026-03"],
            snapshot.RunsOf("python-web-frameworks").Select(r => r.Run.Id));
        Assert.Empty(snapshot.RunsOf("no-such-suite"));
    }

    private static async Task<ComparisonArticle> LoadAsync(string slug)
    {
        var result = await new ComparisonLoader(new ContentOptions()).LoadAsync(
            FixturePaths.FreshnessSiteContent,
            Path.Combine(FixturePaths.FreshnessSiteContent, slug),
            CancellationToken.None);
        Assert.Empty(result.Diagnostics);
        return result.Article!;
    }
}
