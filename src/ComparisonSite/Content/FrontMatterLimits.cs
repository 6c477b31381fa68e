namespace ComparisonSite.Content;

/// <summary>
/// How long a front matter text and how many entries a front matter list may be, for every key: the one place
/// these bounds are set (docs/schemas/front-matter.schema.json states the same, kept in step by a test). Each
/// front matter value ends up on the home page, tag pages, the sitemap and the feed, so an unbounded one (5,000
/// tags, a 200 KB verdict) would swell all of them. The bounds leave real articles a wide margin: the longest
/// title is about 80 characters, the longest description about 150, an article names 2 tags and 3 frameworks.
/// </summary>
internal static class FrontMatterLimits
{
    /// <summary>The most characters of a text key not listed in <see cref="TextLengths"/>.</summary>
    public const int DefaultTextLength = 200;

    /// <summary>The most entries of a list key not listed in <see cref="ListCounts"/>.</summary>
    public const int DefaultListCount = 50;

    /// <summary>The most characters of one entry of any list (a tag name, a slug).</summary>
    public const int ListEntryLength = 100;

    /// <summary>Text keys allowed more (or fewer) characters than <see cref="DefaultTextLength"/>.</summary>
    public static readonly IReadOnlyDictionary<string, int> TextLengths = new Dictionary<string, int>
    {
        ["author"] = 100,
        ["description"] = 500,
        ["verdict"] = 500,
        ["headline"] = 500,
        ["server"] = 300,
        ["url"] = 2_000,
        ["says"] = 300,
        ["by"] = 20,
    };

    /// <summary>List keys allowed more (or fewer) entries than <see cref="DefaultListCount"/>.</summary>
    public static readonly IReadOnlyDictionary<string, int> ListCounts = new Dictionary<string, int>
    {
        ["tags"] = 20,
        ["related"] = 20,
        ["claims"] = 30,
    };

    /// <summary>The most characters the text key <paramref name="key"/> may hold.</summary>
    public static int TextLength(string key) => TextLengths.GetValueOrDefault(key, DefaultTextLength);

    /// <summary>The most entries the list key <paramref name="key"/> may hold.</summary>
    public static int ListCount(string key) => ListCounts.GetValueOrDefault(key, DefaultListCount);
}
