using ComparisonSite.Results.Store;

namespace ComparisonSite.Figures;

/// <summary><c>{{environment}}</c>: the run's provenance, environment and method as a definition list.</summary>
internal static class EnvironmentWriter
{
    public static void Write(FigureHtmlRenderer renderer, RunResults run)
    {
        var context = renderer.Context!;
        var info = run.Run.Info;
        var formatter = context.Formatter;
        renderer.EnsureLine();
        renderer.WriteLine("<dl class=\"run-environment\">");
        Item(renderer, "Run", $"{info.Title} (id {info.Id})");
        Item(renderer, "Source", run.Run.IsReported
            ? $"{info.Source}: figures as reported by the source, not our own measurements"
            : $"{info.Source}: our own measurements");
        Item(renderer, "Date", formatter.Date(info.Date));
        if (info.PeriodStart is { } start && info.PeriodEnd is { } end)
        {
            Item(renderer, "Period", $"{formatter.Date(start)} to {formatter.Date(end)}");
        }

        Item(renderer, "Hardware", info.Hardware);
        Item(renderer, "CPU cores", info.Cores?.ToString(formatter.Culture));
        Item(renderer, "Memory", info.Memory);
        Item(renderer, "Operating system", info.Os);
        Item(renderer, "Server setup", info.ServerSetup);
        Item(renderer, "Load tool", info.LoadTool);
        Item(renderer, "Concurrency", info.Concurrency is { } c ? $"{c.ToString("N0", formatter.Culture)} concurrent connections" : null);
        Item(renderer, "Duration", info.Duration);
        var scenarios = run.Measurements.Select(m => m.Scenario).Distinct().Order(StringComparer.Ordinal)
            .Select(s => context.Snapshot.Scenarios[s]).Select(s => s.Description is null ? s.Name : $"{s.Name}: {s.Description}").ToList();
        List(renderer, "Scenarios", scenarios);
        Item(renderer, "Notes", info.Notes);
        List(renderer, "Caveats", info.Caveats);
        renderer.Write("<dt>Data</dt><dd><a href=\"").WriteEscape(context.CsvHref).Write("\" download>CSV</a> · <a href=\"")
            .WriteEscape(context.JsonHref).WriteLine("\" download>JSON</a></dd>");
        renderer.WriteLine("</dl>");
    }

    private static void Item(FigureHtmlRenderer renderer, string term, string? text)
    {
        if (!string.IsNullOrWhiteSpace(text))
        {
            renderer.Write("<dt>").WriteEscape(term).Write("</dt><dd>").WriteEscape(text).WriteLine("</dd>");
        }
    }

    private static void List(FigureHtmlRenderer renderer, string term, IReadOnlyList<string> items)
    {
        if (items.Count == 0)
        {
            return;
        }

        renderer.Write("<dt>").WriteEscape(term).Write("</dt><dd><ul>");
        foreach (var item in items)
        {
            renderer.Write("<li>").WriteEscape(item).Write("</li>");
        }

        renderer.WriteLine("</ul></dd>");
    }
}
