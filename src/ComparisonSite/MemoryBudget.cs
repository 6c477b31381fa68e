using System.ComponentModel.DataAnnotations;

namespace ComparisonSite;

/// <summary>
/// The memory the site's caches may hold together. Section "Memory". The page cache takes
/// <see cref="PageCacheShare"/> of it and the render cache (articles rendered to HTML, for listings and pages the
/// page cache no longer holds) <see cref="RenderCacheShare"/>; each evicts its least recently used entries past its
/// share. The rest is left for what grows with the content and cannot be evicted (each comparison's front matter
/// and compressed text, the search index, the results snapshot) and for the runtime itself: README's "How costs
/// grow with the content" measures it.
/// </summary>
public sealed class MemoryBudget
{
    public const string Section = "Memory";

    public const double PageCacheShare = 0.4;

    public const double RenderCacheShare = 0.1;

    [Range(64, 65_536)]
    public int BudgetMegabytes { get; set; } = 256;

    public long Bytes => BudgetMegabytes * 1024L * 1024;

    public long PageCacheBytes => (long)(Bytes * PageCacheShare);

    public long RenderCacheBytes => (long)(Bytes * RenderCacheShare);

    /// <summary>
    /// A full, compacting collection that gives the freed memory back to the system. For after the few large
    /// one-off builds (the content's first load, a search index over thousands of comparisons), whose garbage is
    /// hundreds of megabytes the collector would otherwise keep committed, and for the <c>MemoryKeeper</c>. Costs
    /// one pause of a few tens of milliseconds per hundred megabytes live; never called per request.
    /// </summary>
    public static void GiveBackAfterBuild() =>
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
}
