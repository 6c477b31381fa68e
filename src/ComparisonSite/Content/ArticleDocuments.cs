using System.IO.Compression;
using System.Text;
using ComparisonSite.Markdown;
using Markdig.Syntax;

namespace ComparisonSite.Content;

/// <summary>
/// The Markdown of one comparison (its summary and each section, in page order), kept as its text compressed and
/// parsed again on demand. A parsed article is many times its text (about 240 KB for the seed's 27 KB); with
/// thousands of comparisons, holding every tree would hold most of the process's memory for pages the page cache
/// serves anyway. The trees of a parse are held weakly: the renders that need them keep them alive, and a later
/// render after a collection parses the text again (a few milliseconds), with the same result, since the text is the
/// one the loader checked. The compressed text itself (about 8 KB for the seed) is kept in the shared
/// <see cref="ScratchFile"/>, not in memory: 80 MB at ten thousand comparisons, read back only for a parse.
/// </summary>
public sealed class ArticleDocuments
{
    private readonly ScratchFile.Place _compressed;
    private readonly int _length;
    private readonly int[] _bodyLengths;
    private readonly Part[] _parts;
    private readonly Lock _gate = new();
    private WeakReference<ParsedBodies>? _parsed;

    /// <summary>
    /// Where one body comes from: the anchor of its part of the page, its file and the file's line it starts on.
    /// </summary>
    internal readonly record struct Part(string Anchor, string File, int FirstLine);

    internal ArticleDocuments(IReadOnlyList<(Part Part, string Body)> bodies, ParsedBodies parsed)
    {
        _parts = [.. bodies.Select(b => b.Part)];
        var utf8 = bodies.Select(b => Encoding.UTF8.GetBytes(b.Body)).ToArray();
        _bodyLengths = [.. utf8.Select(b => b.Length)];
        var all = utf8.SelectMany(b => b).ToArray();
        _length = all.Length;
        _compressed = ScratchFile.Shared.Append(Compress(all));
        _parsed = new WeakReference<ParsedBodies>(parsed);
    }

    /// <summary>The summary and the sections (in page order), parsed: the live trees, or a parse of the text.</summary>
    public ParsedBodies Parsed
    {
        get
        {
            if (_parsed is not null && _parsed.TryGetTarget(out var live))
            {
                return live;
            }

            lock (_gate)
            {
                if (_parsed is not null && _parsed.TryGetTarget(out live))
                {
                    return live;
                }

                var parsed = Parse(_parts, Bodies());
                _parsed = new WeakReference<ParsedBodies>(parsed);
                return parsed;
            }
        }
    }

    /// <summary>
    /// Parses the bodies as the page shows them: each through the site's rules, then every heading given an id
    /// unique across the page. Problems are the loader's to report; a parse on demand repeats the loader's, so
    /// they are dropped here.
    /// </summary>
    internal static ParsedBodies Parse(
        IReadOnlyList<Part> parts, IReadOnlyList<string> bodies, ICollection<ContentDiagnostic>? diagnostics = null)
    {
        diagnostics ??= [];
        var documents = parts.Zip(bodies, (p, b) => ArticleMarkdown.Parse(b, p.File, p.FirstLine, diagnostics))
            .ToArray();
        PageIdentifiers.MakeUnique([.. parts.Zip(documents, (p, d) => (p.Anchor, d))]);
        return new ParsedBodies(documents);
    }

    private List<string> Bodies()
    {
        var all = new byte[_length];
        if (!BrotliDecoder.TryDecompress(_compressed.Read(), all, out var written) || written != _length)
        {
            throw new InvalidDataException("an article's compressed text did not decompress to its length");
        }

        var bodies = new List<string>(_bodyLengths.Length);
        var at = 0;
        foreach (var length in _bodyLengths)
        {
            bodies.Add(Encoding.UTF8.GetString(all, at, length));
            at += length;
        }

        return bodies;
    }

    // Quality 5 of 11: about a third of the text, compressed in well under a millisecond.
    private static byte[] Compress(byte[] text)
    {
        var buffer = new byte[BrotliEncoder.GetMaxCompressedLength(text.Length)];
        if (!BrotliEncoder.TryCompress(text, buffer, out var written, quality: 5, window: 22))
        {
            throw new InvalidOperationException("Brotli could not compress an article's text");
        }

        return buffer[..written];
    }
}

/// <summary>One parse of an article's bodies: the summary first, then each section in page order.</summary>
public sealed class ParsedBodies(IReadOnlyList<MarkdownDocument> documents)
{
    public MarkdownDocument Summary => documents[0];

    public MarkdownDocument Section(int index) => documents[index + 1];
}
