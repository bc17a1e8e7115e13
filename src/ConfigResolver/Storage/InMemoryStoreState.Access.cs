using System.Collections.Immutable;
using ConfigResolver.Access;
using ConfigResolver.Auditing;

namespace ConfigResolver.Storage;

internal sealed partial record InMemoryStoreState
{
    /// <summary>API keys by id.</summary>
    public ImmutableDictionary<Guid, ApiKey> ApiKeys { get; init; } = ImmutableDictionary<Guid, ApiKey>.Empty;

    /// <summary>API key ids by prefix (the authentication index).</summary>
    public ImmutableDictionary<string, Guid> ApiKeysByPrefix { get; init; } = ImmutableDictionary.Create<string, Guid>(StringComparer.Ordinal);

    /// <summary>Invitations by id.</summary>
    public ImmutableDictionary<Guid, Invitation> Invitations { get; init; } = ImmutableDictionary<Guid, Invitation>.Empty;

    /// <summary>Invitation ids by the hash of their current token.</summary>
    public ImmutableDictionary<string, Guid> InvitationsByToken { get; init; } = ImmutableDictionary.Create<string, Guid>(StringComparer.Ordinal);

    /// <summary>The audit log, oldest first; only ever appended to.</summary>
    public ImmutableList<AuditEvent> Audit { get; init; } = [];

    public InMemoryStoreState WithApiKey(ApiKey key) => this with
    {
        ApiKeys = ApiKeys.SetItem(key.Id, key),
        ApiKeysByPrefix = ApiKeysByPrefix.SetItem(key.Prefix, key.Id),
    };

    /// <summary>Revokes every key of a deleted organization (keys are kept, revoked, so token verifiers learn of them).</summary>
    public InMemoryStoreState WithOrganizationKeysRevoked(Guid organizationId, DateTimeOffset at)
    {
        var keys = ApiKeys;
        foreach (var key in ApiKeys.Values)
        {
            if (key.OrganizationId == organizationId && key.RevokedAt is null)
            {
                keys = keys.SetItem(key.Id, key with { RevokedAt = at });
            }
        }

        var invitations = Invitations;
        var tokens = InvitationsByToken;
        foreach (var invitation in Invitations.Values)
        {
            if (invitation.OrganizationId == organizationId)
            {
                invitations = invitations.Remove(invitation.Id);
                tokens = tokens.Remove(invitation.TokenHash);
            }
        }

        return this with { ApiKeys = keys, Invitations = invitations, InvitationsByToken = tokens };
    }

    public InMemoryStoreState WithInvitation(Invitation invitation)
    {
        var tokens = InvitationsByToken;
        if (Invitations.TryGetValue(invitation.Id, out var previous))
        {
            tokens = tokens.Remove(previous.TokenHash);
        }

        return this with
        {
            Invitations = Invitations.SetItem(invitation.Id, invitation),
            InvitationsByToken = tokens.SetItem(invitation.TokenHash, invitation.Id),
        };
    }

    /// <summary>Applies a join plan: the user (created or with a new default) and the membership.</summary>
    public InMemoryStoreState WithJoin(JoinPlan plan)
    {
        var state = plan.CreateUser || plan.DefaultChanged ? WithUser(plan.User) : this;
        return plan.WriteMembership ? state.WithMembership(new Tenancy.Membership(plan.Organization.Id, plan.User.Id, plan.Role)) : state;
    }
}
