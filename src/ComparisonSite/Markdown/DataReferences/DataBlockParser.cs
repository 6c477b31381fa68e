using Markdig.Parsers;
using Markdig.Syntax;

namespace ComparisonSite.Markdown.DataReferences;

/// <summary>
/// Opens a <see cref="DataBlock"/> for a line that is exactly <c>{{table …}}</c>, <c>{{chart …}}</c> or
/// <c>{{environment …}}</c>. Inline kinds at the start of a line are left to the paragraph.
/// </summary>
public sealed class DataBlockParser : BlockParser
{
    public DataBlockParser()
    {
        OpeningCharacters = ['{'];
    }

    public override BlockState TryOpen(BlockProcessor processor)
    {
        if (processor.IsCodeIndent)
        {
            return BlockState.None;
        }

        var line = processor.Line.ToString().Trim();
        if (!line.StartsWith("{{", StringComparison.Ordinal)
            || !line.EndsWith("}}", StringComparison.Ordinal)
            || line.IndexOf("}}", StringComparison.Ordinal) != line.Length - 2)
        {
            return BlockState.None;
        }

        var source = line[2..^2].Trim();
        if (!DataReference.IsBlockKind(source))
        {
            return BlockState.None;
        }

        var reference = DataReference.Parse(source, out var error);
        processor.NewBlocks.Push(new DataBlock(this)
        {
            Source = source,
            Reference = reference,
            Error = error,
            Line = processor.LineIndex,
            Column = processor.Column,
            Span = new SourceSpan(processor.Start, processor.Line.End),
        });
        return BlockState.BreakDiscard;
    }
}
