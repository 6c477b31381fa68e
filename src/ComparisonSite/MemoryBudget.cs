using System.ComponentModel.DataAnnotations;

namespace ComparisonSite;

/// <summary>
/// The managed memory the whole site may hold. Section "Memory". What grows with the content and cannot be evicted
/// (each comparison's front matter and references, the search index, the results snapshot) takes what it needs;
/// the caches (the page cache, and the render cache of articles rendered to HTML for listings and pages the page
/// cache no longer holds) get what is left, up to half of it (<see cref="CacheRoom"/>), each evicting its least
/// recently used entries past its share. README's "How costs grow with the content" measures it.
/// </summary>
public sealed class MemoryBudget
{
    public const string Section = "Memory";

    // 160 rather than 192: at 10,000 comparisons, every page fetched, 357 against 397 MB resident (a smaller room
    // for the caches, and less garbage between the memory keeper's collections); a small site's caches, at most
    // half the budget, still hold every page it has.
    [Range(64, 65_536)]
    public int BudgetMegabytes { get; set; } = 160;

    public long Bytes => BudgetMegabytes * 1024L * 1024;

    /// <summary>
    /// A full, compacting collection that gives the freed memory back to the system. For after the few large
    /// one-off builds (the content's first load, a search index over thousands of comparisons), whose garbage is
    /// hundreds of megabytes the collector would otherwise keep committed, and for the <c>MemoryKeeper</c>. Costs
    /// one pause of a few tens of milliseconds per hundred megabytes live; never called per request.
    /// </summary>
    public static void GiveBackAfterBuild() =>
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
}
