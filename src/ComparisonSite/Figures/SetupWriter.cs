using System.Globalization;
using ComparisonSite.Results.Import;
using ComparisonSite.Results.Store;

namespace ComparisonSite.Figures;

/// <summary>
/// A run's "Versions and configuration" table (<c>run.setup</c>): a row per framework saying what this run ran, its
/// server and workers included, with the run's note beside it as written. Part of <c>{{environment}}</c>, so the
/// run page and the methodology show the same table; a run without a setup shows none. The shared catalog's server
/// (Daphne for Django in ASGI mode, as the source ran it) is not what a measured run ran, so it is not shown here.
/// </summary>
internal static class SetupWriter
{
    public static void Write(FigureWriter figure, RunResults run)
    {
        var setup = run.Run.Info.Setup;
        if (setup.Count == 0)
        {
            return;
        }

        var html = figure.Html;
        var context = figure.Context;
        var culture = context.Formatter.Culture;
        var withHelpers = setup.Any(s => s.Helpers is not null);
        var withNotes = setup.Any(s => s.Note is not null);
        List<(string Heading, Func<RunSetup, string?> Text)> columns =
        [
            ("Software", s => s.Software),
            ("Server", s => s.Server),
            ("Workers", s => s.Workers.ToString(culture)),
            ("Worker class", s => s.WorkerClass),
            ("Database connections", s => s.DatabaseConnections),
            ("Keep-alive", s => s.KeepAlive),
        ];
        if (withHelpers)
        {
            columns.Add(("Helper processes", s => s.Helpers));
        }

        if (withNotes)
        {
            columns.Add(("Note", s => s.Note));
        }

        html.EnsureLine();
        html.WriteLine("<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" "
            + "aria-label=\"Versions and configuration of each framework in this run\">");
        html.Write("<table class=\"run-setup figure-table\"")
            .Write(BenchmarkTableWriter.ColumnCountAttribute(columns.Count)).Write('>');
        html.Write("<caption>Versions and configuration: what this run ran for each framework</caption>");
        html.Write("<thead><tr><th scope=\"col\">Framework</th>");
        foreach (var (heading, _) in columns)
        {
            html.Write("<th scope=\"col\">").WriteEscape(heading).Write("</th>");
        }

        html.WriteLine("</tr></thead>");
        html.WriteLine("<tbody>");
        foreach (var entry in setup)
        {
            var name = context.FrameworkName(entry.Framework);
            figure.Reading.Row($"Versions and configuration: {name}");
            figure.Reading.Cell(string.Join("; ", columns.Select(c => $"{c.Heading}: {c.Text(entry) ?? "–"}")));
            html.Write("<tr").Write(BenchmarkTableWriter.FrameworkAttribute(entry.Framework)).Write('>');
            html.Write("<th scope=\"row\">").WriteEscape(name).Write("</th>");
            foreach (var (heading, text) in columns)
            {
                html.Write("<td").Write(BenchmarkTableWriter.ColumnAttribute(heading));
                if (heading == "Note")
                {
                    html.Write(" class=\"setup-note\"");
                }

                html.Write('>').WriteEscape(text(entry) ?? "–").Write("</td>");
            }

            html.WriteLine("</tr>");
        }

        html.Write("</tbody></table>");
        html.WriteLine("</div>");
    }
}
