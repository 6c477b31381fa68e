using System.Globalization;
using System.Text;
using ComparisonSite.Results.Store;

namespace ComparisonSite.Runs;

/// <summary>
/// How to cite a run, as its page offers it: plain text and BibTeX, each naming the source, the run's title and
/// date and its permanent address.
/// </summary>
public sealed record RunCitation(string PlainText, string BibTex)
{
    /// <summary>
    /// Plain text: <c>Source (year). Title [benchmark run id, Month d, yyyy]. Site. URL</c>; BibTeX: a
    /// <c>@misc</c> entry keyed by the run id, with the source as a corporate author (double braces, so BibTeX
    /// never splits it into given and family names).
    /// </summary>
    public static RunCitation For(StoredRun run, string permanentUrl, string siteName, CultureInfo culture)
    {
        var info = run.Info;
        var date = SiteDates.Display(info.Date, culture);
        var year = info.Date.Year.ToString(CultureInfo.InvariantCulture);
        var plain = $"{info.Source} ({year}). {info.Title} [benchmark run {info.Id}, {date}]. {siteName}. "
            + permanentUrl;
        var origin = run.IsReported
            ? $"Figures as reported by {info.Source}, carried over by {siteName}"
            : $"Measured by {info.Source}";
        var bibtex = new StringBuilder()
            .Append("@misc{").Append(info.Id).AppendLine(",")
            .Append("  author       = {{").Append(Escape(info.Source)).AppendLine("}},")
            .Append("  title        = {").Append(Escape(info.Title)).AppendLine("},")
            .Append("  year         = {").Append(year).AppendLine("},")
            .Append("  date         = {")
            .Append(SiteDates.Iso(info.Date)).AppendLine("},")
            .Append("  howpublished = {Benchmark run ").Append(Escape(info.Id)).Append(", ")
            .Append(Escape(siteName)).AppendLine("},")
            .Append("  url          = {").Append(permanentUrl).AppendLine("},")
            .Append("  note         = {").Append(Escape(origin)).AppendLine("}")
            .Append('}')
            .ToString();
        return new RunCitation(plain, bibtex.ReplaceLineEndings("\n"));
    }

    /// <summary>LaTeX's special characters escaped, so a title with "&amp;" or "50%" cites as written.</summary>
    internal static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            escaped.Append(c switch
            {
                '\\' => @"\textbackslash{}",
                '{' or '}' or '%' or '&' or '#' or '$' or '_' => "\\" + c,
                '~' => @"\textasciitilde{}",
                '^' => @"\textasciicircum{}",
                _ => c.ToString(),
            });
        }

        return escaped.ToString();
    }
}
