using System.Globalization;
using System.Text;
using System.Xml;

namespace ComparisonSite.Content;

/// <summary>
/// The characters XML 1.0 can carry (no C0 controls but tab and line ends, no U+FFFE/U+FFFF, no lone surrogates).
/// Front matter is refused when it holds any other, since its text reaches the feed and sitemap; the XML writers
/// replace any that still arrive, so one article can never make a site-wide document fail.
/// </summary>
internal static class XmlCharacters
{
    /// <summary>The index of the first character XML cannot carry, or -1 when there is none.</summary>
    public static int IndexOfInvalid(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i]))
            {
                continue;
            }

            if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                i++;
                continue;
            }

            return i;
        }

        return -1;
    }

    /// <summary>U+0001 and the like, as an editor's tools name them.</summary>
    public static string Name(char character) =>
        "U+" + ((int)character).ToString("X4", CultureInfo.InvariantCulture);

    /// <summary>The text with each character XML cannot carry replaced by U+FFFD.</summary>
    public static string Replace(string text)
    {
        if (IndexOfInvalid(text) < 0)
        {
            return text;
        }

        var clean = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i]))
            {
                clean.Append(text[i]);
            }
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                clean.Append(text, i, 2);
                i++;
            }
            else
            {
                clean.Append('\uFFFD');
            }
        }

        return clean.ToString();
    }
}
