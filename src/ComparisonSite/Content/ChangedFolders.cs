namespace ComparisonSite.Content;

/// <summary>
/// The top-level content folders file events have named since the last reload took them, or "everything" when
/// the watcher cannot say (a re-armed watch, lost events, a rescan that found a change no event reported).
/// </summary>
internal sealed class ChangedFolders
{
    private readonly Lock _gate = new();
    private HashSet<string>? _names = new(StringComparer.Ordinal);

    public void Add(string name)
    {
        lock (_gate)
        {
            _names?.Add(name);
        }
    }

    public void EverythingChanged()
    {
        lock (_gate)
        {
            _names = null;
        }
    }

    /// <summary>What changed since the last take (null: everything), leaving nothing changed.</summary>
    public IReadOnlySet<string>? Take()
    {
        lock (_gate)
        {
            var taken = _names;
            _names = new HashSet<string>(StringComparer.Ordinal);
            return taken;
        }
    }

    /// <summary>Puts back what a reload took and did not land, with whatever changed meanwhile.</summary>
    public void GiveBack(IReadOnlySet<string>? taken)
    {
        lock (_gate)
        {
            if (taken is null)
            {
                _names = null;
            }
            else
            {
                _names?.UnionWith(taken);
            }
        }
    }
}
