using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ComparisonSite.Markdown;

/// <summary>
/// External links open no window handle back to us (rel="noopener"); links with a scheme other than
/// http, https or mailto (javascript:, data:, ...) are neutralised and reported, never rendered.
/// </summary>
internal static class LinkPolicy
{
    private static readonly string[] SafeSchemes = [Uri.UriSchemeHttp, Uri.UriSchemeHttps, Uri.UriSchemeMailto];

    public static void Apply(MarkdownDocument document, string file, int firstLine, ICollection<ContentDiagnostic> diagnostics)
    {
        foreach (var link in document.Descendants<LinkInline>())
        {
            var url = link.Url?.Trim() ?? string.Empty;
            if (IsRelative(url))
            {
                continue;
            }

            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || !SafeSchemes.Contains(uri.Scheme, StringComparer.OrdinalIgnoreCase))
            {
                diagnostics.Add(ContentDiagnostic.Error(file, firstLine + link.Line,
                    $"link target '{Truncate(url)}' is not allowed: use an http(s) or mailto link, a path on this site, or an #anchor"));
                link.Url = "#";
                continue;
            }

            if (!link.IsImage && uri.Scheme != Uri.UriSchemeMailto)
            {
                link.GetAttributes().AddPropertyIfNotExist("rel", "noopener");
            }
        }
    }

    // "/path", "#anchor" and "page" are relative; "//host" is protocol-relative, so external.
    private static bool IsRelative(string url) =>
        url.Length == 0 || url[0] == '#' || (url[0] == '/' && !url.StartsWith("//", StringComparison.Ordinal))
        || (!url.Contains(':', StringComparison.Ordinal) && !url.StartsWith("//", StringComparison.Ordinal));

    private static string Truncate(string url) => url.Length <= 60 ? url : url[..60] + "…";
}
