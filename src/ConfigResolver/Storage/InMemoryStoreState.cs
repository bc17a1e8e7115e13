using System.Collections.Immutable;
using ConfigResolver.Tenancy;

namespace ConfigResolver.Storage;

/// <summary>
/// The whole in-memory store as one immutable value. A write builds the next state and publishes it with
/// one reference write, so a reader sees either all of a write or none of it.
/// </summary>
internal sealed partial record InMemoryStoreState(
    ImmutableDictionary<Guid, Organization> Organizations,
    ImmutableDictionary<string, Guid> OrganizationsBySlug,
    ImmutableDictionary<string, Guid> OrganizationsBySignupKey,
    ImmutableDictionary<Guid, User> Users,
    ImmutableDictionary<string, Guid> UsersByEmail,
    ImmutableDictionary<Guid, ImmutableDictionary<Guid, Membership>> MembersByOrganization,
    ImmutableDictionary<Guid, ImmutableDictionary<Guid, Membership>> MembershipsByUser)
{
    public static readonly InMemoryStoreState Empty = new(
        ImmutableDictionary<Guid, Organization>.Empty,
        ImmutableDictionary.Create<string, Guid>(StringComparer.Ordinal),
        ImmutableDictionary.Create<string, Guid>(StringComparer.Ordinal),
        ImmutableDictionary<Guid, User>.Empty,
        ImmutableDictionary.Create<string, Guid>(StringComparer.Ordinal),
        ImmutableDictionary<Guid, ImmutableDictionary<Guid, Membership>>.Empty,
        ImmutableDictionary<Guid, ImmutableDictionary<Guid, Membership>>.Empty);

    /// <summary>The revision of the last write (the change log's head).</summary>
    public long Revision { get; init; }

    /// <summary>The stored policy revisions, oldest (number 1) first.</summary>
    public ImmutableList<PolicyRevision> PolicyRevisions { get; init; } = [];

    /// <summary>The retained change-log rows, oldest first.</summary>
    public ImmutableList<ChangeLogEntry> Log { get; init; } = [];

    /// <summary>Appends a write's log row and drops rows older than <paramref name="cutoff"/> (always keeping the newest).</summary>
    public InMemoryStoreState WithLogEntry(ChangeLogEntry entry, DateTimeOffset cutoff, int maxRows)
    {
        var log = Log.Add(entry);
        var drop = 0;
        while (drop < log.Count - 1 && (log[drop].Time < cutoff || log.Count - drop > maxRows))
        {
            drop++;
        }

        return this with { Revision = entry.Revision, Log = drop == 0 ? log : log.RemoveRange(0, drop) };
    }

    public Organization? FindBySlug(string slug) =>
        OrganizationsBySlug.TryGetValue(slug, out var id) ? Organizations[id] : null;

    public User? FindByEmail(string email) =>
        UsersByEmail.TryGetValue(TenancyRules.NormalizeEmail(email), out var id) ? Users[id] : null;

    public bool SignupKeyTakenByOther(Organization organization) =>
        organization.SignupKeyHash is { } hash
        && OrganizationsBySignupKey.TryGetValue(hash.Hex, out var owner)
        && owner != organization.Id;

    public ImmutableDictionary<Guid, Membership> MembersOf(Guid organizationId) =>
        MembersByOrganization.GetValueOrDefault(organizationId) ?? ImmutableDictionary<Guid, Membership>.Empty;

    public ImmutableDictionary<Guid, Membership> MembershipsOf(Guid userId) =>
        MembershipsByUser.GetValueOrDefault(userId) ?? ImmutableDictionary<Guid, Membership>.Empty;

    public int OwnerCount(Guid organizationId)
    {
        var count = 0;
        foreach (var membership in MembersOf(organizationId).Values)
        {
            count += membership.Role == MembershipRole.Owner ? 1 : 0;
        }

        return count;
    }

    public InMemoryStoreState WithOrganization(Organization organization)
    {
        var signupKeys = OrganizationsBySignupKey;
        if (Organizations.TryGetValue(organization.Id, out var previous) && previous.SignupKeyHash is { } old)
        {
            signupKeys = signupKeys.Remove(old.Hex);
        }

        if (organization.SignupKeyHash is { } hash)
        {
            signupKeys = signupKeys.SetItem(hash.Hex, organization.Id);
        }

        return this with
        {
            Organizations = Organizations.SetItem(organization.Id, organization),
            OrganizationsBySlug = OrganizationsBySlug.SetItem(organization.Slug, organization.Id),
            OrganizationsBySignupKey = signupKeys,
        };
    }

    public InMemoryStoreState WithoutOrganization(Organization organization)
    {
        var state = this;
        foreach (var userId in MembersOf(organization.Id).Keys)
        {
            state = state with { MembershipsByUser = state.MembershipsByUser.SetItem(userId, state.MembershipsOf(userId).Remove(organization.Id)) };
        }

        return state with
        {
            Organizations = state.Organizations.Remove(organization.Id),
            OrganizationsBySlug = state.OrganizationsBySlug.Remove(organization.Slug),
            OrganizationsBySignupKey = organization.SignupKeyHash is { } hash ? state.OrganizationsBySignupKey.Remove(hash.Hex) : state.OrganizationsBySignupKey,
            MembersByOrganization = state.MembersByOrganization.Remove(organization.Id),
        };
    }

    public InMemoryStoreState WithUser(User user)
    {
        var byEmail = UsersByEmail;
        if (Users.TryGetValue(user.Id, out var previous))
        {
            byEmail = byEmail.Remove(TenancyRules.NormalizeEmail(previous.Email));
        }

        return this with
        {
            Users = Users.SetItem(user.Id, user),
            UsersByEmail = byEmail.SetItem(TenancyRules.NormalizeEmail(user.Email), user.Id),
        };
    }

    public InMemoryStoreState WithMembership(Membership membership) => this with
    {
        MembersByOrganization = MembersByOrganization.SetItem(membership.OrganizationId, MembersOf(membership.OrganizationId).SetItem(membership.UserId, membership)),
        MembershipsByUser = MembershipsByUser.SetItem(membership.UserId, MembershipsOf(membership.UserId).SetItem(membership.OrganizationId, membership)),
    };

    public InMemoryStoreState WithoutMembership(Guid organizationId, Guid userId) => this with
    {
        MembersByOrganization = MembersByOrganization.SetItem(organizationId, MembersOf(organizationId).Remove(userId)),
        MembershipsByUser = MembershipsByUser.SetItem(userId, MembershipsOf(userId).Remove(organizationId)),
    };

    /// <summary>The remaining membership with the lowest slug, the contract's choice for a reassigned default.</summary>
    public Guid? FirstMembershipBySlug(Guid userId)
    {
        Organization? best = null;
        foreach (var organizationId in MembershipsOf(userId).Keys)
        {
            var organization = Organizations[organizationId];
            if (best is null || string.CompareOrdinal(organization.Slug, best.Slug) < 0)
            {
                best = organization;
            }
        }

        return best?.Id;
    }
}
