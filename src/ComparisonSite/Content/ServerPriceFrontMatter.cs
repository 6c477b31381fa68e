using ComparisonSite.Figures.Calculator;

namespace ComparisonSite.Content;

/// <summary>
/// Reads the article's <c>serverPrice:</c> block, the cost calculator's price per server with its source:
/// <c>{ server: "…", usdPerMonth: 20, source: "…", url: https://…, date: 2026-03-31 }</c>.
/// </summary>
internal static class ServerPriceFrontMatter
{
    public const string Key = "serverPrice";

    /// <summary>The most a server may cost a month: a typo such as 200000 is caught, a large machine is not.</summary>
    public const decimal MaxUsdPerMonth = 100_000;

    private const string Example =
        "{ server: \"a 2-vCPU entry VPS\", usdPerMonth: 20, source: Bytepulse, date: 2026-03-31 }";

    public static ServerPrice? Read(FrontMatterFields article)
    {
        if (article.Mapping(Key, Example) is not { } fields)
        {
            return null;
        }

        var server = fields.Text("server", required: true);
        var usd = fields.Amount("usdPerMonth", required: true, MaxUsdPerMonth);
        var source = fields.Text("source", required: true);
        var url = fields.Text("url", required: false);
        var date = fields.Date("date", required: true);
        fields.RejectUnknownKeys();
        if (url is not null
            && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"))
        {
            fields.Reject("url", $"'url' must be an http or https address, not '{Identifiers.Shorten(url)}'");
        }

        return fields.HasErrors || server is null || usd is null || source is null || date is null
            ? null
            : new ServerPrice(server, usd.Value, source, url, date.Value);
    }
}
