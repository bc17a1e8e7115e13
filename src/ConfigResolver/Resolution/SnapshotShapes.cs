using System.Collections.Concurrent;
using ConfigResolver.Configuration;

namespace ConfigResolver.Resolution;

/// <summary>
/// The key shapes of snapshots, cached by provider-name set and open-section keys (features and metadata beyond the
/// known ones): every snapshot whose layers mention the same providers and keys has the same pointers. Freezing an index costs far more than resolving, so it is done once per shape, not per build.
/// </summary>
internal static class SnapshotShapes
{
    // Bounded so that organizations inventing provider names cannot grow it without limit; past the bound,
    // shapes are still built, just not kept.
    private const int MaxCached = 1024;

    private static readonly ConcurrentDictionary<string, (SnapshotShape Providers, SnapshotShape Values)> s_shapes = new(StringComparer.Ordinal);

    private static readonly (SnapshotShape Providers, SnapshotShape Values) s_wellKnown = Create(new SortedSet<string>(ConfigKeys.WellKnownProviders, StringComparer.Ordinal), []);

    /// <summary>Returns the shapes for the well-known providers plus <paramref name="extraProviders"/>, and the known pointers plus <paramref name="extraPointers"/>.</summary>
    public static (SnapshotShape Providers, SnapshotShape Values) For(SortedSet<string>? extraProviders, IReadOnlyCollection<string> extraPointers)
    {
        if (extraProviders is null && extraPointers.Count == 0)
        {
            return s_wellKnown;
        }

        var providerNames = new SortedSet<string>(ConfigKeys.WellKnownProviders, StringComparer.Ordinal);
        providerNames.UnionWith(extraProviders ?? []);
        var key = string.Join('\n', providerNames) + "\n\0\n" + string.Join('\n', extraPointers);
        if (s_shapes.TryGetValue(key, out var shapes))
        {
            return shapes;
        }

        shapes = Create(providerNames, extraPointers);
        if (s_shapes.Count < MaxCached)
        {
            s_shapes.TryAdd(key, shapes);
        }

        return shapes;
    }

    private static (SnapshotShape Providers, SnapshotShape Values) Create(SortedSet<string> providerNames, IReadOnlyCollection<string> extraPointers) =>
        (new SnapshotShape([.. providerNames]), new SnapshotShape(ValuePointers(providerNames, extraPointers)));

    private static string[] ValuePointers(SortedSet<string> providerNames, IReadOnlyCollection<string> extraPointers)
    {
        var pointers = new List<string>(providerNames.Count * ConfigKeys.ProviderFields.Length + 48 + extraPointers.Count);
        foreach (var provider in providerNames)
        {
            pointers.AddRange(ConfigKeys.ProviderPointers(provider));
        }

        foreach (var section in ConfigKeys.Sections)
        {
            foreach (var field in section.Fields)
            {
                pointers.Add(section.Pointer(field.Name));
            }
        }

        pointers.AddRange(extraPointers);
        pointers.Sort(StringComparer.Ordinal);
        return [.. pointers];
    }
}
