using System.Collections.Frozen;
using System.Collections.Immutable;
using ConfigResolver.Policy;
using ConfigResolver.Tenancy;

namespace ConfigResolver.Authorization.Facts;

/// <summary>
/// What checks need to know about one organization: its identity, status and plan (the <c>org</c> variable), its
/// resolved configuration without secrets (<c>config</c>), and its members' roles.
/// </summary>
/// <remarks>Immutable; a change builds a new instance.</remarks>
internal sealed class OrgFacts : IAttributeSource
{
    public OrgFacts(Organization organization, IReadOnlyDictionary<string, object?> config, LookupTable<Guid, MembershipRole> members)
    {
        Organization = organization;
        Config = config;
        Members = members;
        StatusName = TenancyNames.ToName(organization.Status);
        IdText = organization.Id.ToString("D");
        var providers = config.GetValueOrDefault("providers") as IReadOnlyDictionary<string, object?> ?? FrozenDictionary<string, object?>.Empty;
        ProviderNames = providers.Keys.ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public Organization Organization { get; }

    public string Slug => Organization.Slug;

    public string StatusName { get; }

    public string IdText { get; }

    /// <summary>The <c>config</c> variable: nested read-only dictionaries, secrets reduced to <c>api_key_set</c>.</summary>
    public IReadOnlyDictionary<string, object?> Config { get; }

    public LookupTable<Guid, MembershipRole> Members { get; }

    /// <summary>The provider names of <see cref="Config"/>: a resource id that names one is passed to conditions as that string.</summary>
    public FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ProviderNames { get; }

    public OrgFacts WithOrganization(Organization organization, IReadOnlyDictionary<string, object?> config) => new(organization, config, Members);

    public OrgFacts WithMembers(LookupTable<Guid, MembershipRole> members) => new(Organization, Config, members);

    /// <inheritdoc/>
    public bool TryGetAttribute(string name, out object? value)
    {
        value = name switch
        {
            "slug" => Slug,
            "status" => StatusName,
            "plan" => Organization.Plan,
            "is_system" => Organization.IsSystem,
            "id" => IdText,
            _ => null,
        };
        return value is not null;
    }
}
