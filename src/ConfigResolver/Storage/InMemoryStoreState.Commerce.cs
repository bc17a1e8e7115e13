using System.Collections.Immutable;
using ConfigResolver.Access;
using ConfigResolver.Commerce;

namespace ConfigResolver.Storage;

internal sealed partial record InMemoryStoreState
{
    /// <summary>Plans, teams and model groups by organization id.</summary>
    public ImmutableDictionary<Guid, CommerceState> Commerce { get; init; } = ImmutableDictionary<Guid, CommerceState>.Empty;

    /// <summary>Usage counters by (organization, team or "", meter, period): consumed and leased units.</summary>
    public ImmutableDictionary<(Guid Organization, string Team, string Meter, string Period), (long Consumed, long Leased)> Usage { get; init; } =
        ImmutableDictionary<(Guid, string, string, string), (long, long)>.Empty;

    public CommerceState CommerceOf(Guid organizationId) => Commerce.GetValueOrDefault(organizationId) ?? new CommerceState(organizationId);

    public CommerceCounts CountsOf(Guid organizationId, DateTimeOffset now) => new(
        MembersOf(organizationId).Count,
        Invitations.Values.Count(i => i.OrganizationId == organizationId && i.Status == InvitationStatus.Pending && i.ExpiresAt > now),
        ApiKeys.Values.Count(k => k.OrganizationId == organizationId && k.RevokedAt is null));

    public InMemoryStoreState WithCommerce(CommerceState state) => this with { Commerce = Commerce.SetItem(state.OrganizationId, state) };

    /// <summary>Removes a user who left an organization from its teams.</summary>
    public InMemoryStoreState WithoutTeamMember(Guid organizationId, Guid userId) =>
        Commerce.TryGetValue(organizationId, out var state) ? WithCommerce(CommerceJson.WithoutMember(state, userId)) : this;
}
