using Markdig.Parsers;
using Markdig.Syntax;

namespace ComparisonSite.Markdown.DataReferences;

/// <summary>A table, chart or environment reference standing alone on its line.</summary>
public sealed class DataBlock(BlockParser parser) : LeafBlock(parser)
{
    public required string Source { get; init; }

    public DataReference? Reference { get; init; }

    public string? Error { get; init; }
}
