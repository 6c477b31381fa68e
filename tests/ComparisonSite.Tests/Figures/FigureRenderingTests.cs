using AngleSharp.Dom;
using ComparisonSite.Figures;
using ComparisonSite.Markdown;
using ComparisonSite.Results.Store;

namespace ComparisonSite.Tests.Figures;

/// <summary>Every data-reference form rendered against an in-memory snapshot of the seed run.</summary>
public sealed class FigureRenderingTests
{
    private static readonly ResultsSnapshot Seed = TestSnapshots.From(TestSnapshots.SeedDocument());

    private static (IDocument Html, FigureContext Context) Render(
        string markdown,
        bool showErrors = false,
        ResultsSnapshot? snapshot = null)
    {
        var diagnostics = new List<ContentDiagnostic>();
        var document = ArticleMarkdown.Parse(markdown, "test.md", 10, diagnostics);
        Assert.Empty(diagnostics);
        var context = new FigureContext(
            snapshot ?? Seed,
            TestSnapshots.Article(),
            new FigureFormatter(CultureInfo.GetCultureInfo("en-US")),
            showErrors)
        {
            File = "test-comparison/03-speed.md",
            FirstLine = 10,
        };
        return (new HtmlParser().ParseDocument(ArticleMarkdown.ToHtml(document, context)), context);
    }

    [Fact]
    public void A_value_renders_formatted_with_its_provenance_and_a_link_to_the_methodology()
    {
        var (html, context) = Render("FastAPI served {{value fastapi json rps}}.");

        var figure = Assert.Single(html.QuerySelectorAll("a.figure"));
        Assert.Equal("8,520\u00a0req/s", figure.TextContent);
        Assert.Equal("#methodology", figure.GetAttribute("href"));
        Assert.Equal(
            "Bytepulse 30-day production benchmark (Bytepulse, figures as reported by the source), March 31, 2026",
            figure.GetAttribute("title"));
        Assert.Equal("8520", figure.QuerySelector("data")!.GetAttribute("value"));
        Assert.Empty(context.Problems);
    }

    [Fact]
    public void Comparisons_and_winners_are_computed_from_the_store()
    {
        var (html, _) = Render(
            "{{ratio fastapi django json rps}}; {{ratio fastapi django-asgi json rps}}; "
            + "{{percent fastapi flask json rps}}; {{diff fastapi flask idle cold-start}}; "
            + "{{best json p99}}; {{best editorial score}}; about {{value fastapi json rps round=100}}");

        Assert.Equal(
            "7.8x faster; 3.0x faster; 289% faster; 0.2\u00a0s faster; FastAPI; FastAPI; about about 8,500\u00a0req/s",
            html.Body!.TextContent.Trim());
    }

    [Fact]
    public void References_work_inside_table_cells_and_list_items()
    {
        var (html, _) = Render(
            "| Framework | Speed |\n|---|---|\n| FastAPI | {{value fastapi json rps}} |\n\n"
            + "- Django: {{value django json rps}}");

        Assert.Equal("8,520\u00a0req/s", html.QuerySelector("td a.figure")!.TextContent);
        Assert.Equal("1,090\u00a0req/s", html.QuerySelector("li a.figure")!.TextContent);
    }

    [Fact]
    public void A_benchmark_table_has_units_in_headers_the_best_value_marked_and_a_caption_naming_the_run()
    {
        var (html, _) = Render("{{table json:rps json:p99 idle:memory}}");

        var table = html.QuerySelector("table.benchmark")!;
        Assert.StartsWith(
            "Requests per second, P99 latency, Memory at baseline: Bytepulse 30-day production benchmark",
            table.QuerySelector("caption")!.TextContent,
            StringComparison.Ordinal);
        Assert.Contains("March 31, 2026", table.QuerySelector("caption")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(
            ["Metric", "FastAPI", "Django", "Flask"],
            table.QuerySelectorAll("thead th").Select(th => th.TextContent));
        Assert.Equal(
            "P99 latency, JSON endpoint (ms, lower is better)",
            table.QuerySelectorAll("tbody th")[1].TextContent);
        var p99 = table.QuerySelectorAll("tbody tr")[1]
            .QuerySelectorAll("td")
            .Select(td => td.QuerySelector("data")!.TextContent)
            .ToList();
        Assert.Equal(["14", "98", "52"], p99);
        Assert.Equal(3, table.QuerySelectorAll("td.best").Length);
        Assert.All(
            table.QuerySelectorAll("td.best"),
            td => Assert.Equal("FastAPI", table.QuerySelectorAll("thead th")[td.Index() + 0].TextContent));
        Assert.NotNull(html.QuerySelector("p.figure-downloads a[href='/test-comparison/results.csv']"));
    }

    [Fact]
    public void A_table_can_put_frameworks_in_rows()
    {
        var (html, _) = Render("{{table json:rps db:rps layout=rows frameworks=flask,fastapi}}");

        Assert.Equal(["Flask", "FastAPI"], html.QuerySelectorAll("tbody th").Select(th => th.TextContent));
        Assert.Equal(3, html.QuerySelectorAll("thead th").Length);
    }

    [Fact]
    public void A_chart_is_a_figure_whose_json_matches_its_fallback_table_cell_for_cell()
    {
        var (html, _) = Render("{{chart json:rps db:rps}}");

        var figure = html.QuerySelector("figure.chart")!;
        var script = html.GetElementById(figure.GetAttribute("data-chart")!)!;
        Assert.Equal("application/json", script.GetAttribute("type"));
        using var json = JsonDocument.Parse(script.TextContent);
        var labels = json.RootElement.GetProperty("labels").EnumerateArray().Select(l => l.GetString()).ToList();
        Assert.Equal(["JSON endpoint", "Database-backed endpoint"], labels);
        var series = json.RootElement.GetProperty("series").EnumerateArray().ToList();
        Assert.Equal(["FastAPI", "Django", "Flask"], series.Select(s => s.GetProperty("label").GetString()));
        Assert.Equal([1, 2, 3], series.Select(s => s.GetProperty("colour").GetInt32()));

        var rows = figure.QuerySelectorAll("table.chart-table tbody tr").ToList();
        for (var i = 0; i < series.Count; i++)
        {
            Assert.Equal(series[i].GetProperty("label").GetString(), rows[i].QuerySelector("th")!.TextContent);
            var tableValues = rows[i]
                .QuerySelectorAll("td data")
                .Select(d => double.Parse(d.GetAttribute("value")!, CultureInfo.InvariantCulture));
            Assert.Equal(series[i].GetProperty("values").EnumerateArray().Select(v => v.GetDouble()), tableValues);
        }

        Assert.NotNull(figure.QuerySelector("canvas"));
        Assert.Empty(html.QuerySelectorAll("script:not([type='application/json'])"));
    }

    [Fact]
    public void Chart_json_and_every_label_are_safe_against_markup_in_store_data()
    {
        var hostile = TestSnapshots.SeedDocument();
        hostile = hostile with
        {
            Frameworks =
            [
                .. hostile.Frameworks.Select(f => f.Slug == "fastapi"
                    ? f with { Name = "</script><script>alert(1)</script>\"><img src=x onerror=alert(2)>" }
                    : f),
            ],
        };
        var (html, _) = Render(
            "{{chart json:rps}}\n\n{{table json:rps}}\n\n{{best json rps}}",
            snapshot: TestSnapshots.From(hostile));

        Assert.Empty(html.QuerySelectorAll("script:not([type='application/json']), img"));
        var data = html.QuerySelector("script[type='application/json']")!.TextContent;
        using var json = JsonDocument.Parse(data);
        Assert.Equal(
            "</script><script>alert(1)</script>\"><img src=x onerror=alert(2)>",
            json.RootElement.GetProperty("series")[0].GetProperty("label").GetString());
        Assert.DoesNotContain("</script>", data, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void The_environment_block_lists_provenance_setup_and_caveats()
    {
        var (html, _) = Render("{{environment}}");

        var terms = html.QuerySelectorAll("dl.run-environment dt").Select(dt => dt.TextContent).ToList();
        Assert.Equal(
            [
                "Run", "Source", "Date", "Period", "Hardware", "CPU cores", "Memory", "Operating system",
                "Server setup", "Concurrency", "Duration", "Scenarios", "Notes", "Caveats", "Data",
            ],
            terms);
        Assert.Equal(
            "Bytepulse: figures as reported by the source, not our own measurements",
            html.QuerySelectorAll("dl.run-environment dd")[1].TextContent);
        Assert.Equal("500 concurrent connections", html.QuerySelectorAll("dl.run-environment dd")[9].TextContent);
    }

    [Fact]
    public void In_production_an_unresolved_reference_shows_na_and_records_the_file_and_line()
    {
        var (html, context) = Render("first\n\n{{value fastapi json throughput}} and {{value flask db memory}}");

        Assert.Equal(["n/a", "n/a"], html.QuerySelectorAll(".figure-missing").Select(e => e.TextContent));
        Assert.Empty(html.QuerySelectorAll("a.figure"));
        Assert.Equal(
        [
            "test-comparison/03-speed.md:12: {{value fastapi json throughput}}: unknown metric 'throughput' "
                + "(known: cold-start, memory, p99, rps, score, server-cost)",
            "test-comparison/03-speed.md:12: {{value flask db memory}}: "
                + "run 'bytepulse-2026-03' has no value for flask on db:memory",
        ], context.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void In_development_an_unresolved_reference_shows_a_highlighted_error()
    {
        var (html, _) = Render("{{value nope json rps}}\n\n{{table json:nope}}", showErrors: true);

        Assert.Equal(2, html.QuerySelectorAll(".figure-error").Length);
        Assert.Contains(
            "unknown framework 'nope'",
            html.QuerySelector("span.figure-error")!.TextContent,
            StringComparison.Ordinal);
        Assert.NotNull(html.QuerySelector("div.figure-error"));
    }

    [Fact]
    public void A_pinned_run_that_is_not_in_the_snapshot_is_unresolved_not_replaced_by_the_latest()
    {
        var (html, context) = Render("{{value fastapi json rps run=older-run}}");

        Assert.Equal("n/a", html.QuerySelector(".figure-missing")!.TextContent);
        Assert.EndsWith(
            "run 'older-run' is not in the results store",
            Assert.Single(context.Problems).Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void A_pinned_run_is_used_instead_of_the_latest()
    {
        var seed = TestSnapshots.SeedDocument();
        var newer = seed with
        {
            Run = seed.Run with { Id = "newer", Date = new DateOnly(2026, 9, 1) },
            Results = [.. seed.Results.Select(r => r with { Value = r.Value * 2 })],
        };
        var (html, _) = Render(
            "{{value fastapi json rps}} vs {{value fastapi json rps run=bytepulse-2026-03}}",
            snapshot: TestSnapshots.From(seed, newer));

        Assert.Equal(
            ["17,040\u00a0req/s", "8,520\u00a0req/s"],
            html.QuerySelectorAll("a.figure").Select(a => a.TextContent));
    }

    [Fact]
    public void Malformed_references_are_load_errors_with_file_and_line()
    {
        var diagnostics = new List<ContentDiagnostic>();
        ArticleMarkdown.Parse("ok\n\n{{value fastapi}}\n\nText {{chart json:rps}} inline.", "a.md", 4, diagnostics);

        Assert.Equal(
        [
            "a.md:6: error: value takes 3 arguments, found 1; "
                + "write {{value FRAMEWORK SCENARIO METRIC [round=N] [unit=none] [run=ID | origin=reported|measured]}}",
            "a.md:8: error: {{chart …}} must stand alone on its own line, not inside text",
        ], diagnostics.Select(d => d.ToString()));
    }
}
