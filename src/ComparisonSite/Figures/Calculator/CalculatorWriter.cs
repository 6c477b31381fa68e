using System.Globalization;

namespace ComparisonSite.Figures.Calculator;

/// <summary>
/// Writes a cost calculator: a GET form (works without JavaScript), the result for one input as a table, the
/// formula in words and where every assumption comes from. The numbers the page script needs travel as data-
/// attributes (no inline script): the price and each framework's throughput.
/// </summary>
internal static class CalculatorWriter
{
    /// <summary>How the page words the arithmetic; <see cref="ServerCostCalculator"/> does exactly this.</summary>
    public const string Formula =
        "peak req/s = requests per day ÷ 86,400 × peak-to-average factor; "
        + "servers = ceil(peak req/s ÷ (measured req/s × headroom)), at least 1; "
        + "monthly cost = servers × price per server.";

    /// <param name="figure">Where the calculator goes.</param>
    /// <param name="model">The calculator's run, throughputs and price.</param>
    /// <param name="input">The input the result is for: the editor's default, or the reader's on the cost page.</param>
    /// <param name="form">What the fields show, with a message per refused field.</param>
    /// <param name="formAction">The no-JavaScript page the form sends to (<c>/&lt;slug&gt;/cost</c>).</param>
    public static void Write(
        FigureWriter figure, CalculatorModel model, CalculatorInput input, CalculatorForm form, string formAction)
    {
        var context = figure.Context;
        var html = figure.Html;
        var id = model.Id;
        var culture = context.Formatter.Culture;
        html.EnsureLine();
        // A group, not a <figure>: figures are the charts and tables with ids, CSVs and embeds of their own.
        html.Write("<div class=\"calculator\" id=\"").Write(id).Write("\" role=\"group\" aria-labelledby=\"")
            .Write(id).Write("-caption\" data-calculator")
            .Write(" data-locale=\"").WriteEscape(culture.Name).Write('"')
            .Write(" data-price=\"").Write(model.Price.UsdPerMonth.ToString(CultureInfo.InvariantCulture)).Write('"')
            .Write(" data-max-requests=\"")
            .Write(CalculatorBounds.MaxRequestsPerDay.ToString(CultureInfo.InvariantCulture)).WriteLine("\">");
        var run = model.Run.Run;
        var caption = "Cost at your traffic: the servers each framework needs and what they cost a month, "
            + $"sized by its {model.Metric.Name.ToLowerInvariant()} on {ScenarioName(context, model)}"
            + (run.IsReported ? $" in {run.Info.Source}'s reported figures." : " in our measured run.");
        figure.Reading.Caption = caption;
        html.Write("<p class=\"calculator-caption\" id=\"").Write(id).Write("-caption\">").WriteEscape(caption)
            .WriteLine("</p>");

        html.Write("<form class=\"calculator-form\" method=\"get\" action=\"").WriteEscape(formAction)
            .WriteLine("\">");
        WriteField(html, id, CalculatorBounds.RequestsField, "Requests per day", "numeric", form.Requests, form);
        WriteField(html, id, CalculatorBounds.PeakField, "Peak-to-average factor", "decimal", form.Peak, form);
        WriteField(
            html, id, CalculatorBounds.HeadroomField, "Headroom (share of the measured throughput a server runs at)",
            "decimal", form.Headroom, form);
        html.WriteLine("<button type=\"submit\" class=\"calculator-submit\">Calculate</button>");
        html.WriteLine("</form>");

        var results = model.Results(input).ToList();
        html.Write("<p class=\"calculator-summary\" aria-live=\"polite\">");
        html.WriteEscape(Summary(context.Formatter, model, input, results));
        html.WriteLine("</p>");
        html.Write("<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"")
            .Write("Servers and monthly cost per framework\">").WriteLine();
        string[] columns = ["Framework", "Throughput used", "Servers", "Monthly cost"];
        html.Write("<table class=\"calculator-table figure-table\"")
            .Write(BenchmarkTableWriter.ColumnCountAttribute(columns.Length - 1)).WriteLine(">");
        // A cell a line, so the table reads as words (the spec's text, a screen reader's browse mode).
        html.WriteLine("<thead><tr>");
        figure.Reading.Header(columns);
        foreach (var column in columns)
        {
            html.Write("<th scope=\"col\">").Write(column).WriteLine("</th>");
        }

        html.WriteLine("</tr></thead>");
        html.WriteLine("<tbody>");
        foreach (var (row, result) in results)
        {
            var throughput = row.Throughput.Value;
            html.Write("<tr data-throughput=\"").Write(throughput.ToString("R", CultureInfo.InvariantCulture))
                .WriteLine("\">");
            html.Write("<th scope=\"row\">").WriteEscape(row.Name).WriteLine("</th>");
            var (used, servers, cost) = (context.Formatter.Value(throughput, model.Metric),
                Servers(culture, result.Servers), Money(culture, result.MonthlyCost));
            html.Write("<td").Write(BenchmarkTableWriter.ColumnAttribute(columns[1])).Write('>');
            figure.WriteFigure(model.Run.Run, used, throughput);
            html.WriteLine("</td>");
            html.Write("<td class=\"calculator-servers\"").Write(BenchmarkTableWriter.ColumnAttribute(columns[2]))
                .Write('>').Write(servers).WriteLine("</td>");
            html.Write("<td class=\"calculator-cost\"").Write(BenchmarkTableWriter.ColumnAttribute(columns[3]))
                .Write('>').Write(cost).WriteLine("</td>");
            figure.Reading.Row(row.Name);
            figure.Reading.Cell(used);
            figure.Reading.Cell(servers);
            figure.Reading.Cell(cost);
            html.WriteLine("</tr>");
        }

        html.WriteLine("</tbody>");
        html.WriteLine("</table>");
        html.WriteLine("</div>");
        html.Write("<p class=\"calculator-formula\">How it is worked out: ").Write(Formula).WriteLine("</p>");
        WriteSources(figure, model);
        html.WriteLine("</div>");
    }

    /// <summary>"$20", "$1,400", "$12.50": whole dollars without cents, as the page script writes them.</summary>
    public static string Money(CultureInfo culture, decimal usd) =>
        "$" + usd.ToString(usd == decimal.Truncate(usd) ? "N0" : "N2", culture);

    public static string Servers(CultureInfo culture, long servers) => servers.ToString("N0", culture);

    /// <summary>
    /// "At 10,000,000 requests a day (peak 347.2 req/s): FastAPI 1 server ($20 a month), …": the result in one
    /// sentence, which screen readers hear when it changes. calculator.js words it the same way.
    /// </summary>
    public static string Summary(
        FigureFormatter formatter, CalculatorModel model,
        CalculatorInput input, IReadOnlyList<(CalculatorRow Row, CalculatorResult Result)> results)
    {
        var culture = formatter.Culture;
        var peak = ServerCostCalculator.PeakRequestsPerSecond(input).ToString("N1", culture);
        var each = results.Select(r =>
            $"{r.Row.Name} {Servers(culture, r.Result.Servers)} server{(r.Result.Servers == 1 ? "" : "s")} "
            + $"({Money(culture, r.Result.MonthlyCost)} a month)");
        return $"At {input.RequestsPerDay.ToString("N0", culture)} requests a day (peak {peak} req/s): "
            + string.Join(", ", each) + ".";
    }

    private static void WriteField(
        Markdig.Renderers.HtmlRenderer html, string id, string name, string label, string mode, string value,
        CalculatorForm form)
    {
        var input = $"{id}-{name}";
        var error = form.Errors.GetValueOrDefault(name);
        html.Write("<div class=\"calculator-field\">");
        html.Write("<label for=\"").Write(input).Write("\">").WriteEscape(label).Write("</label>");
        html.Write("<input id=\"").Write(input).Write("\" name=\"").Write(name)
            .Write("\" type=\"text\" inputmode=\"").Write(mode).Write("\" autocomplete=\"off\" value=\"")
            .WriteEscape(value).Write("\" aria-describedby=\"").Write(input).Write("-message\"")
            .Write(error is null ? "" : " aria-invalid=\"true\"").Write('>');
        html.Write("<p class=\"calculator-message\" id=\"").Write(input).Write("-message\"")
            .Write(error is null ? " hidden>" : ">").WriteEscape(error ?? "").Write("</p>");
        html.WriteLine("</div>");
    }

    private static void WriteSources(FigureWriter figure, CalculatorModel model)
    {
        var context = figure.Context;
        var html = figure.Html;
        var price = model.Price;
        html.Write("<p class=\"calculator-sources\">Throughput: ").WriteEscape(model.Metric.Name).Write(" (")
            .WriteEscape(model.Metric.Slug).Write(") on ").WriteEscape(ScenarioName(context, model))
            .Write(", from <a href=\"").WriteEscape(context.RunPageHref(model.Run.Run)).Write("\">")
            .WriteEscape(context.Provenance(model.Run.Run)).Write("</a>. ");
        html.Write("Price: ").Write(Money(context.Formatter.Culture, price.UsdPerMonth)).Write(" a month for ")
            .WriteEscape(price.Server).Write(" (");
        if (price.Url is { } url)
        {
            html.Write("<a href=\"").WriteEscape(url).Write("\">").WriteEscape(price.Source).Write("</a>");
        }
        else
        {
            html.WriteEscape(price.Source);
        }

        html.Write(", ").WriteEscape(context.Formatter.Date(price.Date)).Write(").");
        html.WriteLine("</p>");
    }

    private static string ScenarioName(FigureContext context, CalculatorModel model) =>
        context.Snapshot.Scenarios.TryGetValue(model.Scenario, out var scenario) ? scenario.Name : model.Scenario;
}
