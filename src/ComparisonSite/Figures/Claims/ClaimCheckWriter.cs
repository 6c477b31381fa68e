namespace ComparisonSite.Figures.Claims;

/// <summary>
/// <c>{{claims}}</c>: the source's performance claims, each with the source's figures, ours and our verdict in
/// words (the colour only repeats them). A list rather than a table, so it reads at any width.
/// </summary>
internal static class ClaimCheckWriter
{
    /// <summary>The block's anchor, which the home page's summary line links to.</summary>
    public const string Anchor = "claim-check";

    public static void Write(FigureWriter figure)
    {
        var context = figure.Context;
        // One check an article: its anchor is what the home page links, and each claim's id must be unique.
        if (context.NextFigureId(Anchor, []) != Anchor)
        {
            figure.WriteUnresolved("an article has one claim check; this is a second", block: true);
            return;
        }

        if (context.Claims is not { } check)
        {
            figure.WriteUnresolved(
                "there is no claim to check: the article lists none under 'claims:' in index.md, and no "
                + "framework clearly leads a metric of the source's run",
                block: true);
            return;
        }

        var html = figure.Html;
        if (!figure.WritesHtml)
        {
            html.WriteEscape(check.Sentence);
            return;
        }

        html.EnsureLine();
        // A block of its own, not a <figure>: the article's figures are its data, each with a CSV and an embed page.
        html.Write("<div class=\"claim-check\" id=\"").Write(Anchor).WriteLine("\">");
        html.Write("<p class=\"claim-check-summary\"><strong>Claim check.</strong> ")
            .WriteEscape(check.Sentence).Write(' ');
        if (check.Measured is { } run)
        {
            html.Write("Each verdict sets the claim against our latest measured run (")
                .Write("<a href=\"").WriteEscape(context.RunPageHref(run)).Write("\">")
                .WriteEscape(context.Formatter.Date(run.Info.Date)).Write("</a>")
                .Write("): it holds when the 95% interval of the ratio leaves out 1, shows no clear difference when "
                    + "it contains 1, and does not hold when the run clearly shows otherwise or a clearly different "
                    + "size.");
        }

        html.WriteLine("</p>");
        html.WriteLine("<ol class=\"claim-list\">");
        foreach (var claim in check.Claims)
        {
            var verdict = ClaimCheck.Slug(claim.Verdict);
            html.Write("<li class=\"claim claim-").Write(verdict).Write("\" id=\"").Write(claim.Anchor)
                .Write("\">");
            html.Write("<p class=\"claim-says\"><span class=\"claim-verdict\">")
                .WriteEscape(ClaimCheck.Words(claim.Verdict)).Write("</span> ")
                .WriteEscape(claim.Claim.Says);
            if (claim.FromRun)
            {
                html.Write(" <span class=\"claim-origin\">(read from ").WriteEscape(check.Source)
                    .Write("'s figures)</span>");
            }

            html.WriteLine("</p>");
            html.WriteLine("<dl class=\"claim-figures\">");
            html.Write("<dt>").WriteEscape(check.Source).WriteLine("</dt>");
            html.Write("<dd>").WriteEscape(claim.SourceFigures).WriteLine("</dd>");
            html.WriteLine("<dt>Our run</dt>");
            html.Write("<dd>").WriteEscape(claim.OurFigures).WriteLine("</dd>");
            html.WriteLine("</dl></li>");
        }

        html.WriteLine("</ol>");
        html.WriteLine("</div>");
    }
}
