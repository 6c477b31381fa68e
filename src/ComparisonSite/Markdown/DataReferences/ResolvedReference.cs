using ComparisonSite.Figures;
using ComparisonSite.Results.Store;

namespace ComparisonSite.Markdown.DataReferences;

/// <summary>A parsed reference and the run it reads, as both renderers need them before they write a figure.</summary>
internal static class ResolvedReference
{
    /// <summary>
    /// The reference and its run; or null once the reason there is none (a malformed reference, a run that is
    /// not in the store) has been written as "n/a", so the caller just stops.
    /// </summary>
    public static (DataReference Reference, RunResults Run)? Of(
        FigureWriter figure, DataReference? reference, string? error, bool block)
    {
        if (reference is null)
        {
            figure.WriteUnresolved(error!, block);
            return null;
        }

        return figure.Run(reference.RunId, block) is { } run ? (reference, run) : null;
    }
}
