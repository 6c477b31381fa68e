namespace ComparisonSite.Results.Import;

/// <summary>Where a run's figures come from; pages say which, so a reader can weigh them.</summary>
public enum RunOrigin
{
    /// <summary>Carried over from a publication: the source's figures, not ours.</summary>
    Reported,

    /// <summary>Our own run.</summary>
    Measured,
}

/// <summary>
/// The one spelling of a <see cref="RunOrigin"/> outside the code: in run documents and their schema, on the
/// command line, in the database (a check constraint) and in downloads.
/// </summary>
public static class RunOriginText
{
    /// <summary>Every spelling, in the order messages list them.</summary>
    public static readonly IReadOnlyList<string> All = [.. Enum.GetValues<RunOrigin>().Select(ToText)];

    public static string ToText(this RunOrigin origin) => origin switch
    {
        RunOrigin.Reported => "reported",
        RunOrigin.Measured => "measured",
        _ => throw new ArgumentOutOfRangeException(nameof(origin), origin, null),
    };

    /// <summary>The origin a spelling stands for, or null if it is none of <see cref="All"/>.</summary>
    public static RunOrigin? Parse(string? text) =>
        Enum.GetValues<RunOrigin>().Cast<RunOrigin?>().FirstOrDefault(o => o!.Value.ToText() == text);
}
