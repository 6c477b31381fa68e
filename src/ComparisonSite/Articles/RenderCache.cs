using ComparisonSite.Content;

namespace ComparisonSite.Articles;

/// <summary>
/// Articles rendered against a results snapshot, the least recently used evicted past a size bound (the render
/// cache's share of the <see cref="CacheRoom"/>, read at each addition). A rendered article is several times its
/// text; with thousands of comparisons, keeping every one would hold most of the process's memory for pages the
/// page cache serves anyway.
/// </summary>
internal sealed class RenderCache(Func<long> sizeLimit)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<ComparisonArticle, LinkedListNode<Item>> _items =
        new(ReferenceEqualityComparer.Instance);

    // Most recently used first.
    private readonly LinkedList<Item> _order = [];
    private long _size;

    /// <summary>What the entries hold, in estimated bytes.</summary>
    public long Size
    {
        get
        {
            lock (_gate)
            {
                return _size;
            }
        }
    }

    public bool TryGet(ComparisonArticle article, out RenderedArticle rendered)
    {
        lock (_gate)
        {
            if (_items.TryGetValue(article, out var node))
            {
                _order.Remove(node);
                _order.AddFirst(node);
                rendered = node.Value.Rendered;
                return true;
            }
        }

        rendered = default!;
        return false;
    }

    public void Add(ComparisonArticle article, RenderedArticle rendered)
    {
        var size = rendered.Page.EstimatedBytes;
        var limit = sizeLimit();
        if (size > limit)
        {
            return;
        }

        lock (_gate)
        {
            if (_items.Remove(article, out var old))
            {
                _order.Remove(old);
                _size -= old.Value.Size;
            }

            _items[article] = _order.AddFirst(new Item(article, rendered, size));
            _size += size;
            EvictPast(limit);
        }
    }

    /// <summary>Evicts down to the bound, after it shrank.</summary>
    public void Trim()
    {
        lock (_gate)
        {
            EvictPast(sizeLimit());
        }
    }

    private void EvictPast(long limit)
    {
        while (_size > limit && _order.Last is { } last)
        {
            _order.RemoveLast();
            _items.Remove(last.Value.Article);
            _size -= last.Value.Size;
        }
    }

    private sealed record Item(ComparisonArticle Article, RenderedArticle Rendered, long Size);
}

/// <summary>An article's page as rendered against <see cref="Results"/> on <see cref="Day"/>.</summary>
internal sealed record RenderedArticle(Results.Store.ResultsSnapshot Results, DateOnly Day, ArticlePage Page);
