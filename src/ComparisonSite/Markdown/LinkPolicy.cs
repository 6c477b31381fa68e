using System.Text;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ComparisonSite.Markdown;

/// <summary>What a link target is, as a browser would read it.</summary>
internal enum LinkKind
{
    /// <summary>A path on this site, a relative page or an #anchor.</summary>
    OnSite,

    /// <summary>An http or https address elsewhere.</summary>
    External,

    /// <summary>A mailto: address.</summary>
    Mail,

    /// <summary>Any other scheme (javascript:, vbscript:, data:, file:, ...) or a protocol-relative //host.</summary>
    Refused,
}

/// <summary>
/// One decision on every URL an article's Markdown can carry, whatever syntax made it: inline, reference and
/// image links, links in footnotes and autolinks (<c>&lt;scheme:...&gt;</c>). Only http, https, mailto and paths
/// on this site pass; anything else is reported with its line and rendered inert (href="#", or the autolink's
/// text without a link). External links open no window handle back to us (rel="noopener").
/// </summary>
internal static class LinkPolicy
{
    private const string Refusal =
        "is not allowed: use an http(s) or mailto link, a path on this site, or an #anchor";

    /// <summary>
    /// Classifies <paramref name="url"/> the way a browser's URL parser reads an href: leading and trailing
    /// control characters and spaces are dropped and tabs and line breaks inside are ignored (so
    /// " java\tscript:" is javascript:), and a backslash counts as a slash.
    /// </summary>
    public static LinkKind Classify(string? url)
    {
        var normalized = Normalize(url ?? string.Empty);
        var scheme = SchemeOf(normalized);
        if (scheme is null)
        {
            return normalized.StartsWith("//", StringComparison.Ordinal) ? LinkKind.Refused : LinkKind.OnSite;
        }

        return scheme.ToUpperInvariant() switch
        {
            "HTTP" or "HTTPS" => LinkKind.External,
            "MAILTO" => LinkKind.Mail,
            _ => LinkKind.Refused,
        };
    }

    /// <summary>The last line of defence at render time: a URL the policy refuses is written as "#".</summary>
    public static string ForRendering(string url) => Classify(url) == LinkKind.Refused ? "#" : url;

    public static void Apply(
        MarkdownDocument document, string file, int firstLine, ICollection<ContentDiagnostic> diagnostics)
    {
        // Autolinks are replaced in the tree, so the nodes are collected before any change.
        foreach (var node in document.Descendants<Inline>().Where(i => i is LinkInline or AutolinkInline).ToList())
        {
            switch (node)
            {
                case LinkInline link:
                    ApplyTo(link, file, firstLine, diagnostics);
                    break;
                case AutolinkInline autolink:
                    ApplyTo(autolink, file, firstLine, diagnostics);
                    break;
            }
        }
    }

    private static void ApplyTo(LinkInline link, string file, int firstLine, ICollection<ContentDiagnostic> diagnostics)
    {
        var url = link.GetDynamicUrl?.Invoke() ?? link.Url;
        switch (Classify(url))
        {
            case LinkKind.Refused:
                Report(url, firstLine + link.Line, file, diagnostics);
                link.Url = "#";
                link.GetDynamicUrl = null;
                break;
            case LinkKind.External when !link.IsImage:
                link.GetAttributes().AddPropertyIfNotExist("rel", "noopener");
                break;
        }
    }

    private static void ApplyTo(
        AutolinkInline autolink, string file, int firstLine, ICollection<ContentDiagnostic> diagnostics)
    {
        var url = autolink.IsEmail ? "mailto:" + autolink.Url : autolink.Url;
        switch (Classify(url))
        {
            case LinkKind.Refused:
                Report(url, firstLine + autolink.Line, file, diagnostics);
                autolink.ReplaceBy(new LiteralInline(autolink.Url) { Line = autolink.Line, Span = autolink.Span });
                break;
            case LinkKind.External:
                autolink.GetAttributes().AddPropertyIfNotExist("rel", "noopener");
                break;
        }
    }

    private static void Report(string? url, int line, string file, ICollection<ContentDiagnostic> diagnostics) =>
        diagnostics.Add(
            ContentDiagnostic.Error(file, line, $"link target '{Printable(url ?? string.Empty)}' {Refusal}"));

    private static string Normalize(string url)
    {
        var trimmed = url.AsSpan().Trim(C0ControlOrSpace);
        var normalized = new StringBuilder(trimmed.Length);
        foreach (var c in trimmed)
        {
            if (c is not ('\t' or '\n' or '\r'))
            {
                normalized.Append(c == '\\' ? '/' : c);
            }
        }

        return normalized.ToString();
    }

    private static readonly string C0ControlOrSpace =
        new([.. Enumerable.Range(0, 0x21).Select(c => (char)c)]);

    // A scheme is a letter followed by letters, digits, '+', '-' or '.', then ':' (the URL standard's rule);
    // "page?at=10:30" has none, so it is a relative link.
    private static string? SchemeOf(string url)
    {
        var colon = url.IndexOf(':', StringComparison.Ordinal);
        if (colon < 1 || !char.IsAsciiLetter(url[0]))
        {
            return null;
        }

        var scheme = url[..colon];
        return scheme.All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.') ? scheme : null;
    }

    // The message goes to the log and a terminal: control characters are shown as escapes, not sent.
    private static string Printable(string url)
    {
        var shown = url.Length <= 60 ? url : url[..60] + "…";
        var printable = new StringBuilder(shown.Length);
        foreach (var c in shown)
        {
            printable.Append(char.IsControl(c) ? $"\\u{(int)c:X4}" : c);
        }

        return printable.ToString();
    }
}
