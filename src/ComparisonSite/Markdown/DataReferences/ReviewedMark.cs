namespace ComparisonSite.Markdown.DataReferences;

/// <summary>
/// <c>{{reviewed: REASON}}</c>: marks the sentence it sits in as a performance claim an editor has read and lets
/// stand without a data reference or an attribution (the check's unattributed-claim rule). It renders nothing;
/// the reason stays in the Markdown for the next reader.
/// </summary>
public static class ReviewedMark
{
    public const string Prefix = "reviewed:";

    public const string MissingReason =
        "{{reviewed: …}} needs a reason, e.g. {{reviewed: popularity, not performance}}";
}
