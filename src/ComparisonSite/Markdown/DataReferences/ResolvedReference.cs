using ComparisonSite.Figures;
using ComparisonSite.Results.Store;

namespace ComparisonSite.Markdown.DataReferences;

/// <summary>A parsed reference and the run it reads, as both renderers need them before they write a figure.</summary>
internal static class ResolvedReference
{
    /// <summary>
    /// The reference and its runs (one, except for comparisons across runs); or null once the reason there is
    /// none (a malformed reference, a run that is not in the store) has been written as "n/a", so the caller just
    /// stops.
    /// </summary>
    public static (DataReference Reference, IReadOnlyList<RunResults> Runs)? Of(
        FigureWriter figure, DataReference? reference, string? error, bool block)
    {
        if (reference is null)
        {
            figure.WriteUnresolved(error!, block);
            return null;
        }

        return figure.Runs(reference.Selectors, block) is { } runs ? (reference, runs) : null;
    }
}
