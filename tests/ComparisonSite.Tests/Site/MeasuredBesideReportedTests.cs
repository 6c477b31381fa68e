using System.Text.Json.Nodes;
using AngleSharp.Dom;
using ComparisonSite.Figures;
using ComparisonSite.Results.Import;
using ComparisonSite.Results.Store;

namespace ComparisonSite.Tests.Site;

/// <summary>
/// Our own measured run beside the source's reported one (issue 15): a fresh site shows both, every figure and
/// every comparison between them comes from the store, and a new measured run changes our figures and nothing of
/// the source's.
/// </summary>
public sealed class MeasuredBesideReportedTests(PostgresFixture postgres) : SiteTestBase(postgres)
{
    private const string Slug = "/fastapi-vs-django-vs-flask";
    private const string Ours = "our own measurements";
    private static readonly string[] Frameworks = ["fastapi", "django", "flask"];
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

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
        Assert.Equal(
            Frameworks.Select(f => Samples(measured, f, "json", "rps"))
                .Select(s => $"({s.Min().ToString("N0", English)}\u2013{s.Max().ToString("N0", English)})"),
            Row(table, "JSON endpoint", "ours (measured)").QuerySelectorAll("td .spread").Select(e => e.TextContent));
        Assert.Empty(Row(table, "JSON endpoint", "Bytepulse (reported)").QuerySelectorAll(".spread"));

        // The throughput chart of both runs (the speed section also charts memory and cold start that way).
        const string Data = "#chart-json-rps-db-rps-reported-measured script[type='application/json']";
        var chart = JsonDocument.Parse(page.QuerySelector(Data)!.TextContent);
        Assert.All(
            chart.RootElement.GetProperty("labels").EnumerateArray().Skip(1).Take(1),
            l => Assert.EndsWith("ours (measured)", l.GetString(), StringComparison.Ordinal));
        Assert.Equal(
            [Value(reported, "fastapi", "json", "rps"), Value(measured, "fastapi", "json", "rps"),
                Value(reported, "fastapi", "db", "rps"), Value(measured, "fastapi", "db", "rps")],
            chart.RootElement.GetProperty("series")[0].GetProperty("values").EnumerateArray()
                .Select(v => v.GetDouble()));

        var agreements = page.QuerySelectorAll("#speed .figure")
            .Select(e => e.TextContent)
            .Where(t => t.StartsWith("matches ", StringComparison.Ordinal)
                || t.StartsWith("is consistent ", StringComparison.Ordinal)
                || t.StartsWith("differs ", StringComparison.Ordinal))
            .ToList();
        Assert.Contains(ExpectedAgreement(reported, measured, "json", "rps", higherIsBetter: true), agreements);
        Assert.Contains(ExpectedAgreement(reported, measured, "db", "rps", higherIsBetter: true), agreements);
        Assert.Contains(ExpectedAgreement(reported, measured, "idle", "memory", higherIsBetter: false), agreements);
        Assert.Contains(ExpectedAgreement(reported, measured, "json", "p99", higherIsBetter: false), agreements);
        Assert.Contains(
            ExpectedAgreement(reported, measured, "idle", "cold-start", higherIsBetter: false), agreements);

        var environments = page.QuerySelectorAll("#methodology dl.run-environment");
        Assert.Equal(2, environments.Length);
        Assert.Equal("ComparisonSite: our own measurements", environments[1].QuerySelectorAll("dd")[1].TextContent);
        Assert.Contains(measured.Run.Id, environments[1].QuerySelector("dd")!.TextContent, StringComparison.Ordinal);

        var download = page.QuerySelectorAll("#speed .figure-downloads a")
            .Select(a => a.GetAttribute("href")!)
            .Distinct()
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
            store.Current!.RunFor("python-web-frameworks", new(Origin: RunOrigin.Measured))!.Run.Id
                == "measured-rerun");
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

    private static IReadOnlyList<double> Samples(
        RunDocument document, string framework, string scenario, string metric) =>
        document.Results.Single(r => r.Framework == framework && r.Scenario == scenario && r.Metric == metric)
            .Samples!;

    /// <summary>The table row for a scenario's requests per second as one run measured it.</summary>
    private static IElement Row(IElement table, string scenario, string run) =>
        table.QuerySelectorAll("tbody tr")
            .Single(r => r.QuerySelector("th")!.TextContent.Contains(scenario, StringComparison.Ordinal)
                && r.QuerySelector("th")!.TextContent.Contains("Requests per second", StringComparison.Ordinal)
                && r.QuerySelector("th")!.TextContent.EndsWith(run, StringComparison.Ordinal));

    /// <summary>The values of the table row for a scenario as one run measured it.</summary>
    private static List<double> RowValues(IElement table, string scenario, string run) =>
        [.. Row(table, scenario, run)
            .QuerySelectorAll("td data")
            .Select(d => double.Parse(d.GetAttribute("value")!, CultureInfo.InvariantCulture))];

    /// <summary>
    /// What the agreement sentence must say, worked out here from the two documents themselves with the noise rule:
    /// best first; the best remaining value leads a group that every remaining framework equal to it or with no clear
    /// difference from it joins ("(tied)" for equal values only, else "(no clear difference)").
    /// </summary>
    private static string ExpectedAgreement(
        RunDocument reported, RunDocument measured, string scenario, string metric, bool higherIsBetter)
    {
        List<List<string>> Order(RunDocument document)
        {
            var remaining = Frameworks
                .Select(f => document.Results.Single(r => r.Framework == f && r.Scenario == scenario
                    && r.Metric == metric))
                .Select(r => new Measurement(r.Framework, r.Scenario, r.Metric, r.Value, r.Samples))
                .OrderBy(m => higherIsBetter ? -m.Value : m.Value)
                .ToList();
            var groups = new List<List<string>>();
            while (remaining.Count > 0)
            {
                var leader = remaining[0];
                var group = remaining
                    .Where(m => m.Value == leader.Value || NoiseRule.NoClearDifference(leader, m, sameRun: true))
                    .ToList();
                groups.Add([.. group.Select(m => m.Framework)]);
                remaining.RemoveAll(group.Contains);
            }

            return groups;
        }

        string Words(RunDocument document, List<List<string>> groups) => string.Join(", then ", groups.Select(g =>
            g.Count == 1 ? Name(g[0])
            : g.All(f => Value(document, f, scenario, metric) == Value(document, g[0], scenario, metric))
                ? $"{string.Join(" and ", g.Select(Name))} (tied)"
            : $"{string.Join(", ", g[..^1].Select(Name))} and {Name(g[^1])} (no clear difference)"));

        var (theirGroups, ourGroups) = (Order(reported), Order(measured));
        var (theirs, ours) = (Words(reported, theirGroups), Words(measured, ourGroups));
        int Place(List<List<string>> groups, string framework) => groups.FindIndex(g => g.Contains(framework));
        var reversed = Frameworks.Any(x => Frameworks.Any(y =>
            Place(theirGroups, x) < Place(theirGroups, y) && Place(ourGroups, x) > Place(ourGroups, y)));
        return theirs == ours ? $"matches Bytepulse's ({ours})"
            : !reversed ? $"is consistent with Bytepulse's ({theirs}): we measured {ours}"
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
