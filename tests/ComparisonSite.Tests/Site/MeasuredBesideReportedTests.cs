using System.Text.Json.Nodes;
using AngleSharp.Dom;
using ComparisonSite.Results.Import;
using ComparisonSite.Results.Store;

namespace ComparisonSite.Tests.Site;

/// <summary>
/// Our own measured run beside the source's reported one (issue 15): a fresh site shows both, every figure and
/// every comparison between them comes from the store, and a new measured run changes our figures and nothing of
/// the source's.
/// </summary>
[Collection(PostgresTests.Name)]
public sealed class MeasuredBesideReportedTests(PostgresFixture postgres) : SiteTestBase(postgres)
{
    private const string Slug = "/fastapi-vs-django-vs-flask";
    private const string Ours = "our own measurements";
    private static readonly string[] Frameworks = ["fastapi", "django", "flask"];

    [Fact]
    public async Task A_fresh_site_sets_the_seeded_measured_run_beside_the_sources_figures()
    {
        var reported = TestSnapshots.SeedDocument();
        var measured = TestSnapshots.MeasuredSeedDocument();
        var page = await SiteFactory.ParseAsync(await Site.CreateReader().GetAsync(Slug));

        Assert.Empty(page.QuerySelectorAll(".figure-missing, .figure-error"));
        var table = page.QuerySelectorAll("#speed table.benchmark").Single(t =>
            t.QuerySelector("caption")!.TextContent.Contains(reported.Run.Title, StringComparison.Ordinal)
            && t.QuerySelector("caption")!.TextContent.Contains(measured.Run.Title, StringComparison.Ordinal));
        Assert.Equal(Values(reported, "json", "rps"), RowValues(table, "JSON endpoint", "Bytepulse (reported)"));
        Assert.Equal(Values(measured, "json", "rps"), RowValues(table, "JSON endpoint", "ours (measured)"));
        Assert.Equal(Values(measured, "db", "rps"), RowValues(table, "Database-backed endpoint", "ours (measured)"));

        var chart = page.QuerySelectorAll("#speed figure.chart script[type='application/json']")
            .Select(s => JsonDocument.Parse(s.TextContent))
            .Single(c => c.RootElement.GetProperty("labels").EnumerateArray()
                .Any(l => l.GetString()!.EndsWith("ours (measured)", StringComparison.Ordinal)));
        Assert.Equal(
            [Value(reported, "fastapi", "json", "rps"), Value(measured, "fastapi", "json", "rps"),
                Value(reported, "fastapi", "db", "rps"), Value(measured, "fastapi", "db", "rps")],
            chart.RootElement.GetProperty("series")[0].GetProperty("values").EnumerateArray().Select(v => v.GetDouble()));

        var agreements = page.QuerySelectorAll("#speed p .figure")
            .Select(e => e.TextContent)
            .Where(t => t.StartsWith("matches ", StringComparison.Ordinal)
                || t.StartsWith("differs ", StringComparison.Ordinal))
            .ToList();
        Assert.Contains(ExpectedAgreement(reported, measured, "json", "rps", higherIsBetter: true), agreements);
        Assert.Contains(ExpectedAgreement(reported, measured, "db", "rps", higherIsBetter: true), agreements);
        Assert.Contains(ExpectedAgreement(reported, measured, "idle", "memory", higherIsBetter: false), agreements);

        var environments = page.QuerySelectorAll("#methodology dl.run-environment");
        Assert.Equal(2, environments.Length);
        Assert.Equal("ComparisonSite: our own measurements", environments[1].QuerySelectorAll("dd")[1].TextContent);
        Assert.Contains(measured.Run.Id, environments[1].QuerySelector("dd")!.TextContent, StringComparison.Ordinal);

        var download = page.QuerySelectorAll("#speed .figure-downloads a")
            .Select(a => a.GetAttribute("href")!)
            .Single(h => h.EndsWith(measured.Run.Id + "/results.csv", StringComparison.Ordinal));
        var csv = await Site.CreateReader().GetStringAsync(download);
        Assert.Contains($"{measured.Run.Id},", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(reported.Run.Id, csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_measured_run_changes_our_figures_and_nothing_of_the_sources()
    {
        var measured = TestSnapshots.MeasuredSeedDocument();
        var reader = Site.CreateReader();
        var before = Figures(await SiteFactory.ParseAsync(await reader.GetAsync(Slug)));

        var file = await WriteHalvedRerunAsync(measured);
        var import = await SiteProcess.RunVerbAsync(Site.Database, "import", file);
        Assert.Equal(0, import.ExitCode);
        var store = Site.Get<ResultsStore>();
        await Eventually.TrueAsync(() =>
            store.Current!.RunFor("python-web-frameworks", new(Origin: RunOrigin.Measured))!.Run.Id == "measured-rerun");
        var after = Figures(await SiteFactory.ParseAsync(await reader.GetAsync(Slug)));

        Assert.Equal(before.Where(f => !f.Title.Contains(Ours)), after.Where(f => !f.Title.Contains(Ours)));
        var oursBefore = before.Where(f => f.Title.Contains(Ours, StringComparison.Ordinal)).ToList();
        var oursAfter = after.Where(f => f.Title.Contains(Ours, StringComparison.Ordinal)).ToList();
        Assert.Equal(oursBefore.Count, oursAfter.Count);
        Assert.NotEmpty(oursAfter);
        Assert.All(oursAfter, f => Assert.Contains("Halved re-run", f.Title, StringComparison.Ordinal));
        Assert.NotEqual(oursBefore.Select(f => f.Text), oursAfter.Select(f => f.Text));

        // The earlier run is no longer cited, but it is still a run of the suite: its data page lists it and its
        // downloads stay.
        Assert.Contains(
            $"{measured.Run.Id},", await reader.GetStringAsync($"{Slug}/runs/{measured.Run.Id}/results.csv"),
            StringComparison.Ordinal);
        Assert.Contains(
            "measured-rerun,", await reader.GetStringAsync($"{Slug}/runs/measured-rerun/results.csv"),
            StringComparison.Ordinal);
    }

    private sealed record Figure(string Title, string Text);

    /// <summary>Every figure on the page in order, with the provenance in its tooltip.</summary>
    private static List<Figure> Figures(IDocument page) =>
        [.. page.QuerySelectorAll(".figure").Select(e => new Figure(e.GetAttribute("title") ?? "", e.TextContent))];

    private static double Value(RunDocument document, string framework, string scenario, string metric) =>
        document.Results.Single(r => r.Framework == framework && r.Scenario == scenario && r.Metric == metric).Value;

    private static List<double> Values(RunDocument document, string scenario, string metric) =>
        [.. Frameworks.Select(f => Value(document, f, scenario, metric))];

    /// <summary>The values of the table row for a scenario as one run measured it.</summary>
    private static List<double> RowValues(IElement table, string scenario, string run) =>
        [.. table.QuerySelectorAll("tbody tr")
            .Single(r => r.QuerySelector("th")!.TextContent.Contains(scenario, StringComparison.Ordinal)
                && r.QuerySelector("th")!.TextContent.Contains("Requests per second", StringComparison.Ordinal)
                && r.QuerySelector("th")!.TextContent.EndsWith(run, StringComparison.Ordinal))
            .QuerySelectorAll("td data")
            .Select(d => double.Parse(d.GetAttribute("value")!, CultureInfo.InvariantCulture))];

    /// <summary>What the agreement sentence must say, worked out here from the two documents themselves.</summary>
    private static string ExpectedAgreement(
        RunDocument reported, RunDocument measured, string scenario, string metric, bool higherIsBetter)
    {
        string Order(RunDocument document)
        {
            var values = Frameworks.Select(f => (Name: Name(f), Value: Value(document, f, scenario, metric)));
            var groups = values.GroupBy(v => v.Value)
                .OrderBy(g => higherIsBetter ? -g.Key : g.Key)
                .Select(g => g.Count() == 1
                    ? g.First().Name
                    : $"{string.Join(" and ", g.Select(v => v.Name))} (tied)");
            return string.Join(", then ", groups);
        }

        var (theirs, ours) = (Order(reported), Order(measured));
        return theirs == ours
            ? $"matches Bytepulse's ({ours})"
            : $"differs from Bytepulse's: Bytepulse ranks {theirs}; we measured {ours}";
    }

    private static string Name(string framework) => framework switch
    {
        "fastapi" => "FastAPI",
        "django" => "Django",
        _ => "Flask",
    };

    /// <summary>The seeded measured run with every figure halved, a day later, as a new run.</summary>
    private static async Task<string> WriteHalvedRerunAsync(RunDocument measured)
    {
        var path = Path.Combine(Path.GetTempPath(), "comparisonsite-tests", $"halved-{Guid.NewGuid():N}.json");
        var document = JsonNode.Parse(await File.ReadAllTextAsync(SeedFile(measured)))!;
        var run = document["run"]!;
        run["id"] = "measured-rerun";
        run["title"] = "Halved re-run";
        run["date"] = measured.Run.Date.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        foreach (var result in document["results"]!.AsArray())
        {
            result!["value"] = result["value"]!.GetValue<double>() / 2;
            if (result["samples"] is JsonArray samples)
            {
                result["samples"] = new JsonArray([.. samples.Select(s => (JsonNode?)(s!.GetValue<double>() / 2))]);
            }
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, document.ToJsonString());
        return path;
    }

    private static string SeedFile(RunDocument measured) =>
        SiteRoot.Locate(null).Combine($"migrations/seed/{measured.Run.Id}.json");
}
