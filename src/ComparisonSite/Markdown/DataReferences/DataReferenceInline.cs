using Markdig.Syntax.Inlines;

namespace ComparisonSite.Markdown.DataReferences;

/// <summary>A <c>{{…}}</c> reference in the text, as the editor wrote it.</summary>
public sealed class DataReferenceInline : LeafInline
{
    /// <summary>The text between the braces, trimmed.</summary>
    public required string Source { get; init; }
}
