namespace ComparisonSite.Checks.DryRun;

/// <summary>
/// One piece of an article's rendered text that a data reference makes: a sentence, a table cell, a best mark,
/// a caption. <paramref name="Key"/> tells it apart from the other facts of the same reference, so a render
/// against another snapshot pairs with it; <paramref name="Label"/> names it for the editor ("" for a sentence).
/// </summary>
internal sealed record ReferenceFact(string File, int Line, string Key, string Label, string Text);
