namespace ConfigResolver.Resolution;

/// <summary>
/// The cached snapshots of one organization, one per setup, plus a generation that grows with every write to
/// the organization. The entry (generation and snapshots) is one immutable object replaced by compare-and-swap,
/// so readers never lock and an insert built from data older than the latest invalidation is refused.
/// </summary>
internal sealed class OrgCacheSlot
{
    private Entry _entry = new(0, []);

    public long Generation => Volatile.Read(ref _entry).Generation;

    public IReadOnlyList<TenantConfig> Snapshots => Volatile.Read(ref _entry).Configs;

    /// <summary>The hot path: a linear scan of a handful of setups, no allocation.</summary>
    public bool TryGet(string setup, out TenantConfig config)
    {
        var configs = Volatile.Read(ref _entry).Configs;
        for (var i = 0; i < configs.Length; i++)
        {
            if (string.Equals(configs[i].Setup, setup, StringComparison.Ordinal))
            {
                config = configs[i];
                return true;
            }
        }

        config = null!;
        return false;
    }

    /// <summary>Caches a snapshot built from data read at <paramref name="generation"/>; refused if the organization changed since.</summary>
    public bool TryAdd(long generation, TenantConfig config)
    {
        while (true)
        {
            var current = Volatile.Read(ref _entry);
            if (current.Generation != generation)
            {
                return false;
            }

            if (Array.Exists(current.Configs, c => c.Setup == config.Setup))
            {
                return true;
            }

            if (Interlocked.CompareExchange(ref _entry, new Entry(generation, [.. current.Configs, config]), current) == current)
            {
                return true;
            }
        }
    }

    /// <summary>Drops every snapshot and moves to the next generation, so in-flight builds of older data are refused.</summary>
    public void Invalidate()
    {
        while (true)
        {
            var current = Volatile.Read(ref _entry);
            if (Interlocked.CompareExchange(ref _entry, new Entry(current.Generation + 1, []), current) == current)
            {
                return;
            }
        }
    }

    /// <summary>Drops the snapshots matching <paramref name="affected"/>; returns how many.</summary>
    public int Evict(Func<TenantConfig, bool> affected)
    {
        while (true)
        {
            var current = Volatile.Read(ref _entry);
            var kept = Array.FindAll(current.Configs, c => !affected(c));
            if (kept.Length == current.Configs.Length)
            {
                return 0;
            }

            if (Interlocked.CompareExchange(ref _entry, new Entry(current.Generation, kept), current) == current)
            {
                return current.Configs.Length - kept.Length;
            }
        }
    }

    private sealed record Entry(long Generation, TenantConfig[] Configs);
}
