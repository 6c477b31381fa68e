using System.Text.RegularExpressions;

namespace ComparisonSite;

/// <summary>
/// What the site's identifiers may look like, defined once: the importers, the content loader, the data
/// references and the route constraint all ask here, so a slug accepted in one place is accepted in all.
/// run-document.schema.json spells the same slug and run id patterns for authors' editors (a test keeps them equal).
/// </summary>
internal static partial class Identifiers
{
    /// <summary>The slug rule in an author's words, for messages.</summary>
    public const string SlugRule = "lower-case letters, digits and hyphens, at most 100 characters";

    /// <summary>The run id rule in an author's words, for messages.</summary>
    public const string RunIdRule = "lower-case letters, digits, '.', '_' or '-', starting with a letter or digit";

    /// <summary>
    /// A slug names a comparison (its folder and address), an alias, a suite, a framework, a scenario or a metric:
    /// lower-case letters, digits and hyphens, starting with a letter or digit, at most 100 characters.
    /// </summary>
    public static bool IsSlug(string text) => SlugPattern().IsMatch(text);

    /// <summary>
    /// A run id names one import (re-importing it replaces the run): a slug that may also hold '.' and '_',
    /// such as <c>rerun-2026-06</c> or <c>v1.2_full</c>.
    /// </summary>
    public static bool IsRunId(string text) => RunIdPattern().IsMatch(text);

    /// <summary>
    /// A section anchor is an HTML id in the article's own page: it starts with a letter (so it can stand in a CSS
    /// selector unescaped), then lower-case letters, digits and hyphens. Not a slug: it never reaches a route.
    /// </summary>
    public static bool IsAnchor(string text) => AnchorPattern().IsMatch(text);

    /// <summary>
    /// Cuts an author's text quoted back in an error message, so one bad value cannot flood the report.
    /// </summary>
    public static string Shorten(string? text, int maxLength = 40) =>
        text is null ? string.Empty : text.Length <= maxLength ? text : text[..maxLength] + "…";

    // \z, not $: $ also matches before a final line feed, which no identifier may end with.
    // The generated matcher is a character loop with no allocation: cheap enough for the route constraint, which
    // runs on every request, cache hits included.
    [GeneratedRegex(@"^[a-z0-9][a-z0-9-]{0,99}\z")]
    private static partial Regex SlugPattern();

    [GeneratedRegex(@"^[a-z0-9][a-z0-9._-]{0,99}\z")]
    private static partial Regex RunIdPattern();

    [GeneratedRegex(@"^[a-z][a-z0-9-]*\z")]
    private static partial Regex AnchorPattern();
}
