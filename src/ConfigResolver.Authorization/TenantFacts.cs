using System.Collections.Immutable;
using ConfigResolver.Authorization.Facts;
using ConfigResolver.Policy.Model;
using ConfigResolver.Resolution;
using ConfigResolver.Storage;
using ConfigResolver.Tenancy;

namespace ConfigResolver.Authorization;

/// <summary>
/// The tenancy facts checks read: every organization (slug, status, plan, system flag), its resolved configuration
/// without secrets, its members' roles, and the platform administrators (admins and owners of the system
/// organization). Memberships become the engine's role links, <c>g, user:&lt;id&gt;, role:&lt;role&gt;, &lt;slug&gt;</c>.
/// </summary>
/// <remarks>Immutable: a change from the store's feed builds a new instance sharing everything it did not touch.</remarks>
public sealed partial class TenantFacts
{
    private readonly LookupTable<string, OrgFacts> _organizations;
    private readonly ImmutableDictionary<Guid, string> _slugs;

    private TenantFacts(LookupTable<string, OrgFacts> organizations, ImmutableDictionary<Guid, string> slugs, ImmutableHashSet<Guid> platformAdmins, long storeRevision = 0)
    {
        _organizations = organizations;
        _slugs = slugs;
        PlatformAdmins = platformAdmins;
        StoreRevision = storeRevision;
    }

    /// <summary>No organizations at all.</summary>
    public static TenantFacts Empty { get; } = new(LookupTable<string, OrgFacts>.Empty, [], []);

    /// <summary>Number of organizations.</summary>
    public int OrganizationCount => _organizations.Count;

    /// <summary>Number of memberships over every organization.</summary>
    public int MembershipCount => _organizations.Values.Sum(static o => o.Members.Count);

    /// <summary>Users who are platform administrators.</summary>
    public ImmutableHashSet<Guid> PlatformAdmins { get; }

    /// <summary>
    /// The store revision these facts reflect: every store change up to it had been applied when they were read or last
    /// changed (0 for facts not read from a store).
    /// </summary>
    public long StoreRevision { get; }

    /// <summary>Builds facts from organizations, memberships and resolved configurations.</summary>
    /// <param name="organizations">Every organization.</param>
    /// <param name="memberships">Every membership; those of unknown organizations are ignored.</param>
    /// <param name="configs">Resolved configuration by organization id; an organization without one gets an empty view.</param>
    /// <returns>The facts.</returns>
    public static TenantFacts Create(IEnumerable<Organization> organizations, IEnumerable<Membership> memberships, IReadOnlyDictionary<Guid, TenantConfig> configs)
    {
        ArgumentNullException.ThrowIfNull(organizations);
        ArgumentNullException.ThrowIfNull(memberships);
        ArgumentNullException.ThrowIfNull(configs);
        var members = memberships.GroupBy(static m => m.OrganizationId)
            .ToDictionary(static g => g.Key, static g => LookupTable<Guid, MembershipRole>.From(g.Select(static m => KeyValuePair.Create(m.UserId, m.Role))));
        var orgs = new List<KeyValuePair<string, OrgFacts>>();
        var slugs = ImmutableDictionary.CreateBuilder<Guid, string>();
        foreach (var organization in organizations)
        {
            orgs.Add(KeyValuePair.Create(organization.Slug, new OrgFacts(
                organization,
                ConfigView.Build(configs.GetValueOrDefault(organization.Id)),
                members.GetValueOrDefault(organization.Id) ?? LookupTable<Guid, MembershipRole>.Empty)));
            slugs[organization.Id] = organization.Slug;
        }

        var built = LookupTable<string, OrgFacts>.From(orgs);
        return new TenantFacts(built, slugs.ToImmutable(), PlatformAdminsOf(built.Values.FirstOrDefault(static o => o.Organization.IsSystem)));
    }

    /// <summary>Reads every organization, membership and resolved configuration from a store.</summary>
    /// <param name="store">The store.</param>
    /// <param name="resolver">The resolver for each organization's configuration.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>The facts.</returns>
    /// <exception cref="TenantStoreException">The store failed.</exception>
    public static async Task<TenantFacts> LoadAsync(ITenantReader store, TenantConfigResolver resolver, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(resolver);

        // Read before the data: what is read next is at least this new.
        var revision = store.PublishedRevision;
        var organizations = await store.ListOrganizationsAsync(cancellationToken).ConfigureAwait(false);
        var memberships = new List<Membership>();
        var configs = new Dictionary<Guid, TenantConfig>();
        foreach (var organization in organizations)
        {
            memberships.AddRange(await store.ListMembershipsOfOrganizationAsync(organization.Id, cancellationToken).ConfigureAwait(false));
            configs[organization.Id] = await resolver.ResolveAsync(organization.Id, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        return Create(organizations, memberships, configs).AtStoreRevision(revision);
    }

    /// <summary>The same facts, marked as reflecting a later store revision (never an earlier one).</summary>
    internal TenantFacts AtStoreRevision(long revision) =>
        revision <= StoreRevision ? this : new TenantFacts(_organizations, _slugs, PlatformAdmins, revision);

    internal IEnumerable<OrgFacts> Organizations => _organizations.Values;

    internal bool TryGet(string slug, out OrgFacts organization) => _organizations.TryGetValue(slug, out organization!);

    internal string? SlugOf(Guid organizationId) => _slugs.GetValueOrDefault(organizationId);

    /// <summary>The role links of every membership, for building the engine.</summary>
    internal IEnumerable<PolicyLine> RoleLinks() =>
        _organizations.Values.OrderBy(static o => o.Slug, StringComparer.Ordinal)
            .SelectMany(static o => o.Members.Select(m => Link(m.Key, m.Value, o.Slug)));

    internal static PolicyLine Link(Guid userId, MembershipRole role, string slug) =>
        new("g", [Principal.UserSubject(userId), "role:" + TenancyNames.ToName(role), slug], 0);

    private static ImmutableHashSet<Guid> PlatformAdminsOf(OrgFacts? system) =>
        system is null ? [] : [.. system.Members.Where(static m => m.Value >= MembershipRole.Admin).Select(static m => m.Key)];
}
