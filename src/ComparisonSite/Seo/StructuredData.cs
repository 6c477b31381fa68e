using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using ComparisonSite.Articles;
using ComparisonSite.Figures.Claims;
using ComparisonSite.Results;
using ComparisonSite.Results.Store;
using ComparisonSite.Runs;

namespace ComparisonSite.Seo;

/// <summary>
/// schema.org JSON-LD built from the same objects the page renders (never hand-written strings): Article,
/// BreadcrumbList, FAQPage from the FAQ section, and Dataset for the cited benchmark run. Serialized with
/// HTML-sensitive characters escaped, so no value can end the script element it sits in.
/// </summary>
public static class StructuredData
{
    public static IReadOnlyList<string> ForArticle(
        ArticlePage page, ResultsSnapshot results, SiteUrls urls, string siteName)
    {
        var canonical = urls.Comparison(page.Meta.Slug);
        var image = urls.Absolute(page.Meta.Image ?? SocialCards.Default);
        var documents = new List<object>
        {
            new Dictionary<string, object?>
            {
                ["@context"] = "https://schema.org",
                ["@type"] = "Article",
                ["headline"] = page.Meta.Title,
                ["description"] = page.Meta.Description,
                ["datePublished"] = page.Published,
                ["dateModified"] = page.Modified,
                ["author"] = Organization(page.Meta.Author),
                ["publisher"] = Publisher(urls, siteName),
                ["image"] = image,
                ["mainEntityOfPage"] = canonical,
                ["inLanguage"] = "en",
            },
            new Dictionary<string, object?>
            {
                ["@context"] = "https://schema.org",
                ["@type"] = "BreadcrumbList",
                ["itemListElement"] = new object[]
                {
                    Crumb(1, siteName, urls.Absolute("/")),
                    Crumb(2, page.Meta.Title, canonical),
                },
            },
        };

        if (page.Faq.Count > 0)
        {
            documents.Add(new Dictionary<string, object?>
            {
                ["@context"] = "https://schema.org",
                ["@type"] = "FAQPage",
                ["mainEntity"] = page.Faq.Select(q => new Dictionary<string, object?>
                {
                    ["@type"] = "Question",
                    ["name"] = q.Question,
                    ["acceptedAnswer"] = new Dictionary<string, object?> { ["@type"] = "Answer", ["text"] = q.Answer },
                }).ToArray(),
            });
        }

        if (page.CitedRun is { } run)
        {
            documents.Add(Dataset(page, run, results, urls, canonical));
        }

        if (page.Claims is { Measured: { } measured } claims)
        {
            documents.AddRange(claims.Claims
                .Where(c => c.Verdict != ClaimVerdict.NotMeasured)
                .Select(c => ClaimReview(c, claims, measured, urls, siteName, canonical)));
        }

        return [.. documents.Select(d => JsonSerializer.Serialize(d, StructuredDataJson.Default.Object))];
    }

    public static string ForHome(SiteUrls urls, string siteName, string description)
    {
        var website = new Dictionary<string, object?>
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "WebSite",
            ["name"] = siteName,
            ["description"] = description,
            ["url"] = urls.Absolute("/"),
            ["publisher"] = Publisher(urls, siteName),
        };
        return JsonSerializer.Serialize(website, StructuredDataJson.Default.DictionaryStringObject);
    }

    /// <summary>
    /// A claim of the source and our verdict on it, rated on a three-point scale (1 does not hold, 2 no clear
    /// difference, 3 holds) whose words are the page's; claims our run did not measure are not reviewed.
    /// </summary>
    private static Dictionary<string, object?> ClaimReview(
        CheckedClaim claim, ClaimCheck check, StoredRun measured, SiteUrls urls, string siteName, string canonical)
    {
        var itemReviewed = new Dictionary<string, object?>
        {
            ["@type"] = "Claim",
            ["author"] = Organization(check.Source),
        };
        if (check.Reported is { } reported)
        {
            itemReviewed["datePublished"] = SiteDates.Iso(reported.Info.Date);
            if (reported.Info.SourceUrl is { } sourceUrl)
            {
                itemReviewed["appearance"] = new Dictionary<string, object?>
                {
                    ["@type"] = "CreativeWork",
                    ["url"] = sourceUrl,
                };
            }
        }

        return new Dictionary<string, object?>
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "ClaimReview",
            ["url"] = canonical + "#" + claim.Anchor,
            ["claimReviewed"] = claim.Claim.Says,
            ["itemReviewed"] = itemReviewed,
            ["author"] = Publisher(urls, siteName),
            ["datePublished"] = SiteDates.Iso(measured.Info.Date),
            ["reviewBody"] = $"{check.Source}: {claim.SourceFigures}. Our run: {claim.OurFigures}.",
            ["reviewRating"] = new Dictionary<string, object?>
            {
                ["@type"] = "Rating",
                ["ratingValue"] = claim.Verdict switch
                {
                    ClaimVerdict.Holds => 3,
                    ClaimVerdict.NoClearDifference => 2,
                    _ => 1,
                },
                ["worstRating"] = 1,
                ["bestRating"] = 3,
                ["alternateName"] = ClaimCheck.Words(claim.Verdict),
            },
            ["isPartOf"] = new Dictionary<string, object?> { ["@type"] = "Article", ["url"] = canonical },
        };
    }

    private static Dictionary<string, object?> Dataset(
        ArticlePage page, RunResults run, ResultsSnapshot results, SiteUrls urls, string canonical) =>
        RunDataset(
            run,
            results,
            name: $"{run.Run.Info.Title}: benchmark data for {page.Meta.Title}",
            url: canonical + "#methodology",
            csvUrl: urls.Absolute(SiteAddresses.Results(page.Meta.Slug, "csv")),
            jsonUrl: urls.Absolute(SiteAddresses.Results(page.Meta.Slug, "json")),
            dated: false);

    /// <summary>
    /// A run page's <c>Dataset</c>: the run itself at its permanent address, with its downloads and how it was
    /// measured.
    /// </summary>
    public static string ForRun(RunPage page, ResultsSnapshot results, SiteUrls urls)
    {
        var info = page.Run.Run.Info;
        var technique = string.Join(", ", new[]
        {
            info.LoadTool,
            info.Concurrency is { } c ? $"{c.ToString(CultureInfo.InvariantCulture)} concurrent connections" : null,
            info.Duration,
            info.Hardware,
        }.Where(t => !string.IsNullOrWhiteSpace(t)));
        var dataset = RunDataset(
            page.Run,
            results,
            name: $"{info.Title} (benchmark run {info.Id})",
            url: page.PermanentUrl,
            csvUrl: urls.Absolute(page.CsvHref),
            jsonUrl: urls.Absolute(page.JsonHref),
            dated: true);
        dataset["identifier"] = info.Id;
        dataset["measurementTechnique"] = technique.Length > 0 ? $"Load test: {technique}" : "Benchmark run";
        return JsonSerializer.Serialize(dataset, StructuredDataJson.Default.DictionaryStringObject);
    }

    /// <summary>
    /// What every run's <c>Dataset</c> says: what it measured of which frameworks, whose figures they are, when,
    /// and its two downloads.
    /// </summary>
    private static Dictionary<string, object?> RunDataset(
        RunResults run, ResultsSnapshot results, string name, string url, string csvUrl, string jsonUrl, bool dated)
    {
        var info = run.Run.Info;
        var metrics = run.Measurements.Select(m => m.Metric).Distinct().Order(StringComparer.Ordinal)
            .Select(m => results.Metrics[m]).ToList();
        var frameworks = run.Measurements.Select(m => m.Framework).Distinct()
            .Select(f => results.Frameworks[f].Name).Order(StringComparer.Ordinal);
        var provenance = run.Run.IsReported
            ? $"Figures as reported by {info.Source}, not our own measurements."
            : $"Measured by {info.Source}.";
        var date = dated ? $", {info.Date:yyyy-MM-dd}" : string.Empty;
        return new Dictionary<string, object?>
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "Dataset",
            ["name"] = name,
            ["description"] = $"{string.Join(", ", metrics.Select(m => m.Name))} for "
                + $"{string.Join(", ", frameworks)}{date}. {provenance}",
            ["url"] = url,
            ["creator"] = Organization(info.Source),
            ["temporalCoverage"] = info.PeriodStart is { } start && info.PeriodEnd is { } end
                ? $"{start:yyyy-MM-dd}/{end:yyyy-MM-dd}"
                : SiteDates.Iso(info.Date),
            ["dateModified"] = run.Run.ChangedAt,
            ["isAccessibleForFree"] = true,
            ["variableMeasured"] = metrics.Select(m => new Dictionary<string, object?>
            {
                ["@type"] = "PropertyValue",
                ["name"] = m.Name,
                ["unitText"] = m.Unit,
                ["description"] = MetricDescription(m),
            }).ToArray(),
            ["distribution"] = new object[] { Download("text/csv", csvUrl), Download("application/json", jsonUrl) },
        };
    }

    private static string MetricDescription(Metric metric)
    {
        var direction = metric.Better == Better.Higher ? "Higher" : "Lower";
        var kind = metric.Kind == Metric.MeasurementKind ? string.Empty : $" ({metric.Kind})";
        return $"{direction} is better{kind}.";
    }

    private static Dictionary<string, object?> Download(string encodingFormat, string contentUrl) => new()
    {
        ["@type"] = "DataDownload",
        ["encodingFormat"] = encodingFormat,
        ["contentUrl"] = contentUrl,
    };

    private static Dictionary<string, object?> Organization(string name) => new()
    {
        ["@type"] = "Organization",
        ["name"] = name,
    };

    private static Dictionary<string, object?> Publisher(SiteUrls urls, string siteName) => new()
    {
        ["@type"] = "Organization",
        ["name"] = siteName,
        ["url"] = urls.Absolute("/"),
        ["logo"] = new Dictionary<string, object?>
        {
            ["@type"] = "ImageObject",
            ["url"] = urls.Absolute(SocialCards.Logo),
        },
    };

    private static Dictionary<string, object?> Crumb(int position, string name, string url) => new()
    {
        ["@type"] = "ListItem",
        ["position"] = position,
        ["name"] = name,
        ["item"] = url,
    };
}

/// <summary>Link-preview images shipped in wwwroot/images (scripts/social-cards makes them).</summary>
public static class SocialCards
{
    public const string Default = "/images/social/default.png";
    public const string Logo = "/images/logo.png";

    public static string For(string slug) => $"/images/social/{slug}.png";
}

/// <summary>
/// Every type a JSON-LD value can hold, serialized by code written at compile time (no reflection on a page's
/// first render). A value of a type missing here fails loudly (NotSupportedException) in the SEO tests.
/// </summary>
[JsonSerializable(typeof(object))]
[JsonSerializable(typeof(Dictionary<string, object?>))]
[JsonSerializable(typeof(Dictionary<string, object?>[]))]
[JsonSerializable(typeof(object[]))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(bool))]
[JsonSerializable(typeof(DateTimeOffset))]
internal sealed partial class StructuredDataJson : JsonSerializerContext;
