using System.Collections.Concurrent;
using ConfigResolver.Configuration;

namespace ConfigResolver.Resolution;

/// <summary>
/// The key shapes of snapshots, cached by provider-name set: every snapshot whose layers mention the same providers
/// has the same pointers. Freezing an index costs far more than resolving, so it is done once per shape, not per build.
/// </summary>
internal static class SnapshotShapes
{
    // Bounded so that organizations inventing provider names cannot grow it without limit; past the bound,
    // shapes are still built, just not kept.
    private const int MaxCached = 1024;

    private static readonly ConcurrentDictionary<string, (SnapshotShape Providers, SnapshotShape Values)> s_shapes = new(StringComparer.Ordinal);

    private static readonly (SnapshotShape Providers, SnapshotShape Values) s_wellKnown = Create(new SortedSet<string>(ConfigKeys.WellKnownProviders, StringComparer.Ordinal));

    /// <summary>Returns the shapes for the well-known providers plus <paramref name="extraProviders"/>.</summary>
    public static (SnapshotShape Providers, SnapshotShape Values) For(SortedSet<string>? extraProviders)
    {
        if (extraProviders is null)
        {
            return s_wellKnown;
        }

        var providerNames = new SortedSet<string>(ConfigKeys.WellKnownProviders, StringComparer.Ordinal);
        providerNames.UnionWith(extraProviders);
        var key = string.Join('\n', providerNames);
        if (s_shapes.TryGetValue(key, out var shapes))
        {
            return shapes;
        }

        shapes = Create(providerNames);
        if (s_shapes.Count < MaxCached)
        {
            s_shapes.TryAdd(key, shapes);
        }

        return shapes;
    }

    private static (SnapshotShape Providers, SnapshotShape Values) Create(SortedSet<string> providerNames) =>
        (new SnapshotShape([.. providerNames]), new SnapshotShape(ValuePointers(providerNames)));

    private static string[] ValuePointers(SortedSet<string> providerNames)
    {
        var pointers = new List<string>(providerNames.Count * ConfigKeys.ProviderFields.Length + 16);
        foreach (var provider in providerNames)
        {
            pointers.AddRange(ConfigKeys.ProviderPointers(provider));
        }

        foreach (var (section, fields) in new[]
        {
            (ConfigKeys.KbServer, ConfigKeys.KbServerFields),
            (ConfigKeys.AssistantDefaults, ConfigKeys.AssistantFields),
            (ConfigKeys.Features, ConfigKeys.FeatureFields),
            (ConfigKeys.Metadata, ConfigKeys.MetadataFields),
        })
        {
            foreach (var field in fields)
            {
                pointers.Add(ConfigKeys.SectionPointer(section, field));
            }
        }

        pointers.Sort(StringComparer.Ordinal);
        return [.. pointers];
    }
}
