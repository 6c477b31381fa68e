using System.Text;
using System.Xml;
using ComparisonSite.Caching;
using Microsoft.Extensions.Options;

namespace ComparisonSite.Search;

/// <summary>
/// /opensearch.xml: lets a browser add the site's search. Every address in it comes from Site:PublicBaseUrl,
/// never from the request's Host header.
/// </summary>
public static class OpenSearchDescription
{
    public const string Path = "/opensearch.xml";

    public const string ContentType = "application/opensearchdescription+xml";

    public const string Namespace = "http://a9.com/-/spec/opensearch/1.1/";

    // The specification caps ShortName at 16 characters.
    private const int ShortNameLength = 16;

    internal static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapMethods(Path, [HttpMethods.Get, HttpMethods.Head], (SiteUrls urls, IOptions<SiteOptions> site) =>
                TypedResults.Text(Write(urls, site.Value.Name), ContentType + "; charset=utf-8", Encoding.UTF8))
            .CachePage();

    public static string Write(SiteUrls urls, string siteName)
    {
        var text = new StringBuilder();
        using (var writer = XmlWriter.Create(text, new XmlWriterSettings { Indent = true }))
        {
            writer.WriteStartElement("OpenSearchDescription", Namespace);
            var shortName = siteName.Length > ShortNameLength ? siteName[..ShortNameLength] : siteName;
            writer.WriteElementString("ShortName", Namespace, shortName);
            writer.WriteElementString("Description", Namespace, $"Search the comparisons of {siteName}");
            writer.WriteElementString("InputEncoding", Namespace, "UTF-8");
            writer.WriteStartElement("Image", Namespace);
            writer.WriteAttributeString("type", "image/svg+xml");
            writer.WriteAttributeString("width", "16");
            writer.WriteAttributeString("height", "16");
            writer.WriteString(urls.Absolute("/favicon.svg"));
            writer.WriteEndElement();
            Url(writer, "text/html", urls.Absolute("/search") + "?q={searchTerms}", rel: null);
            Url(writer, ContentType, urls.Absolute(Path), rel: "self");
            writer.WriteEndElement();
        }

        // XmlWriter declares utf-16 when writing to a string; the response is UTF-8.
        return text.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal);
    }

    private static void Url(XmlWriter writer, string type, string template, string? rel)
    {
        writer.WriteStartElement("Url", Namespace);
        writer.WriteAttributeString("type", type);
        if (rel is not null)
        {
            writer.WriteAttributeString("rel", rel);
        }

        writer.WriteAttributeString("template", template);
        writer.WriteEndElement();
    }
}
