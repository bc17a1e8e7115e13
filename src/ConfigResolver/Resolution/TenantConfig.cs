using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using ConfigResolver.Routing;
using ConfigResolver.Tenancy;

namespace ConfigResolver.Resolution;

/// <summary>
/// One organization's resolved configuration for one setup: typed sections plus every value keyed by its
/// pointer in the resolved view (<c>/providers/openai/enabled</c>, <c>/kb_server/url</c>) with provenance.
/// </summary>
/// <remarks>
/// An immutable snapshot, safe to share between threads and cached by <see cref="TenantConfigResolver"/>.
/// Lookups go through indexes shared by snapshots of the same shape and allocate nothing. Every rendering redacts secrets.
/// </remarks>
public sealed partial class TenantConfig
{
    internal TenantConfig(
        Organization organization,
        string setup,
        long generation,
        long storeRevision,
        DateTimeOffset resolvedAt,
        SnapshotDictionary<ProviderSettings> providers,
        KbServerSettings kbServer,
        AssistantDefaults assistantDefaults,
        FeatureSettings features,
        MetadataSettings metadata,
        SnapshotDictionary<ResolvedValue> values,
        HashSet<string> systemDependencies,
        ResolvedSections sections)
    {
        OrganizationId = organization.Id;
        OrganizationSlug = organization.Slug;
        IsSystemOrganization = organization.IsSystem;
        OrganizationStatus = organization.Status;
        Setup = setup;
        Generation = generation;
        StoreRevision = storeRevision;
        ResolvedAt = resolvedAt;
        Providers = providers;
        KbServer = kbServer;
        AssistantDefaults = assistantDefaults;
        Features = features;
        Metadata = metadata;
        Values = values;
        AllValues = [.. values.Values];
        SystemDependencies = systemDependencies;
        Library = sections.Library;
        GlobalDefaultModel = sections.GlobalDefaultModel;
        SmallFastModel = sections.SmallFastModel;
        UsageLimits = sections.UsageLimits;
        ProviderOrder = sections.ProviderOrder;
        _routes = new CompletionRouteCache(this);
    }

    /// <summary>Gets the organization's id.</summary>
    public Guid OrganizationId { get; }

    /// <summary>Gets the organization's slug.</summary>
    public string OrganizationSlug { get; }

    /// <summary>Gets whether this is the system organization's configuration.</summary>
    public bool IsSystemOrganization { get; }

    /// <summary>Gets the organization's status when the snapshot was built (resolution does not refuse suspended organizations; policy does).</summary>
    public OrganizationStatus OrganizationStatus { get; }

    /// <summary>Gets the setup name, for example <c>default</c>.</summary>
    public string Setup { get; }

    /// <summary>Gets the organization's cache generation this snapshot was built at; it grows with every write to the organization.</summary>
    public long Generation { get; }

    /// <summary>
    /// Gets the store revision this snapshot reflects: the resolver had applied every store change up to this revision
    /// (its own and other processes' or instances') when it read the data, so the data is at least that new. A later
    /// change that does not affect this organization leaves the snapshot cached with its revision.
    /// </summary>
    public long StoreRevision { get; }

    /// <summary>Gets when the snapshot was built (from the injected <see cref="TimeProvider"/>).</summary>
    public DateTimeOffset ResolvedAt { get; }

    /// <summary>Gets every provider by name: the well-known ones (anthropic, google, ollama, openai) always, plus any a layer mentions.</summary>
    public SnapshotDictionary<ProviderSettings> Providers { get; }

    /// <summary>Gets the knowledge-base server.</summary>
    public KbServerSettings KbServer { get; }

    /// <summary>Gets the assistant defaults.</summary>
    public AssistantDefaults AssistantDefaults { get; }

    /// <summary>Gets the feature switches.</summary>
    public FeatureSettings Features { get; }

    /// <summary>Gets the descriptive metadata.</summary>
    public MetadataSettings Metadata { get; }

    /// <summary>Gets every value keyed by its pointer in the resolved view.</summary>
    public SnapshotDictionary<ResolvedValue> Values { get; }

    /// <summary>Gets every value ordered by pointer (ordinal), for rendering.</summary>
    public ImmutableArray<ResolvedValue> AllValues { get; }

    /// <summary>Resolved pointers whose value came from (or fell through) the system organization's layer.</summary>
    internal HashSet<string> SystemDependencies { get; }

    /// <summary>Finds a provider without allocating.</summary>
    /// <param name="name">The provider name.</param>
    /// <param name="provider">The provider's settings.</param>
    /// <returns>True when the provider is known.</returns>
    public bool TryGetProvider(string name, [MaybeNullWhen(false)] out ProviderSettings provider) => Providers.TryGetValue(name, out provider);

    /// <summary>Finds a value by its pointer in the resolved view without allocating.</summary>
    /// <param name="pointer">For example <c>/providers/openai/enabled</c>.</param>
    /// <param name="value">The value with its provenance.</param>
    /// <returns>True when the pointer is part of the view.</returns>
    [SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "A JSON pointer (RFC 6901), not a memory pointer.")]
    public bool TryGetValue(string pointer, [MaybeNullWhen(false)] out ResolvedValue value) => Values.TryGetValue(pointer, out value);

    /// <summary>Renders every value with its provenance, one per line, secrets redacted.</summary>
    /// <returns>The rendering.</returns>
    public override string ToString()
    {
        var builder = new StringBuilder();
        builder.Append("org '").Append(OrganizationSlug).Append("' setup '").Append(Setup).Append("' generation ").Append(Generation).AppendLine();
        foreach (var value in AllValues)
        {
            builder.Append("  ").Append(value).AppendLine();
        }

        return builder.ToString();
    }
}
