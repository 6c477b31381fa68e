using ComparisonSite.Results.Store;

namespace ComparisonSite.Figures;

/// <summary>
/// <c>{{environment}}</c>: the run's provenance, environment and method as a definition list, then each framework's
/// versions and configuration when the run gives them (<see cref="SetupWriter"/>).
/// </summary>
internal static class EnvironmentWriter
{
    public static void Write(FigureWriter figure, RunResults run)
    {
        var html = figure.Html;
        var context = figure.Context;
        var info = run.Run.Info;
        var formatter = context.Formatter;
        var source = run.Run.IsReported
            ? $"{info.Source}: figures as reported by the source, not our own measurements"
            : $"{info.Source}: our own measurements";
        var period = info.PeriodStart is { } start && info.PeriodEnd is { } end
            ? $"{formatter.Date(start)} to {formatter.Date(end)}"
            : null;
        var concurrency = info.Concurrency is { } c
            ? $"{c.ToString("N0", formatter.Culture)} concurrent connections"
            : null;
        var scenarios = run.Measurements.Select(m => m.Scenario).Distinct().Order(StringComparer.Ordinal)
            .Select(s => context.Snapshot.Scenarios[s])
            .Select(s => s.Description is null ? s.Name : $"{s.Name}: {s.Description}")
            .ToList();

        html.EnsureLine();
        html.WriteLine("<dl class=\"run-environment\">");
        Item(figure, "Run", $"{info.Title} (id {info.Id})");
        Item(figure, "Source", source);
        Item(figure, "Date", formatter.Date(info.Date));
        Item(figure, "Period", period);
        Item(figure, "Hardware", info.Hardware);
        Item(figure, "CPU cores", info.Cores?.ToString(formatter.Culture));
        Item(figure, "Memory", info.Memory);
        Item(figure, "Operating system", info.Os);
        Item(figure, "Server setup", info.ServerSetup);
        Item(figure, "Load tool", info.LoadTool);
        Item(figure, "Concurrency", concurrency);
        Item(figure, "Duration", info.Duration);
        List(figure, "Scenarios", scenarios);
        Item(figure, "Notes", info.Notes);
        List(figure, "Caveats", info.Caveats);
        html.Write("<dt>Data</dt>");
        html.Write("<dd>");
        figure.WriteDataLinks(run.Run);
        // From any figure (which links here) to the run's permanent page, and to every run of the suite.
        html.Write(" · ");
        html.Write("<a href=\"").WriteEscape(context.RunPageHref(run.Run)).Write("\">run page</a>");
        html.Write(" · ");
        html.Write("<a href=\"").WriteEscape(context.DataPageHref).Write("\">all runs</a>");
        html.WriteLine("</dd>");
        html.WriteLine("</dl>");
        SetupWriter.Write(figure, run);
    }

    private static void Item(FigureWriter figure, string term, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        var html = figure.Html;
        figure.Reading.Row(term);
        figure.Reading.Cell(text);
        html.Write("<dt>").WriteEscape(term).Write("</dt>");
        html.Write("<dd>").WriteEscape(text).WriteLine("</dd>");
    }

    private static void List(FigureWriter figure, string term, IReadOnlyList<string> items)
    {
        if (items.Count == 0)
        {
            return;
        }

        var html = figure.Html;
        figure.Reading.Row(term);
        figure.Reading.Cell(string.Join(" ", items));
        html.Write("<dt>").WriteEscape(term).Write("</dt>");
        html.Write("<dd>");
        html.Write("<ul>");
        foreach (var item in items)
        {
            html.Write("<li>").WriteEscape(item).Write("</li>");
        }

        html.Write("</ul>");
        html.WriteLine("</dd>");
    }
}
