using Markdig.Syntax.Inlines;

namespace ComparisonSite.Markdown.DataReferences;

/// <summary>A <c>{{…}}</c> reference inside text (a sentence, a list item, a table cell).</summary>
public sealed class DataReferenceInline : LeafInline
{
    /// <summary>The text between the braces, trimmed.</summary>
    public required string Source { get; init; }

    /// <summary>The parsed reference, or null when <see cref="Error"/> says why it could not be parsed.</summary>
    public DataReference? Reference { get; init; }

    public string? Error { get; init; }

    /// <summary>
    /// The reason of a <c>{{reviewed: REASON}}</c> mark, which renders nothing: an editor's word that the
    /// sentence's performance claim was read and may stand without a data reference or an attribution (see
    /// <c>Checks/UnattributedClaims</c>). Null for every other reference.
    /// </summary>
    public string? ReviewedReason { get; init; }

    /// <summary>
    /// A comparison followed by "than" in the text owns that word (<see cref="OwnedConnectives"/>): it writes the
    /// connective its outcome reads right with ("2.6x faster than", "the same as").
    /// </summary>
    public bool OwnsThan { get; set; }
}
