using System.Collections.Immutable;
using ConfigResolver.Diagnostics;
using ConfigResolver.Tenancy;

namespace ConfigResolver.Access;

/// <summary>
/// The checks every store runs inside its API-key and invitation write transactions, as pure functions of what the
/// transaction read, so every store refuses exactly the same writes with the same diagnostics.
/// </summary>
public static class AccessInvariants
{
    /// <summary>Checks a key insert.</summary>
    /// <param name="key">The key.</param>
    /// <param name="organization">The key's organization as stored, or null when it does not exist.</param>
    /// <param name="idExists">Whether the id is taken.</param>
    /// <param name="prefixTaken">Whether the prefix is taken.</param>
    /// <returns>The problems; empty when the insert may proceed.</returns>
    public static ImmutableArray<Diagnostic> CheckCreateApiKey(ApiKey key, Organization? organization, bool idExists, bool prefixTaken)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (organization is null || organization.Slug != key.OrganizationSlug)
        {
            return [TenancyDiagnostics.UnknownOrganization(key.OrganizationSlug)];
        }

        var problems = ImmutableArray.CreateBuilder<Diagnostic>();
        if (idExists)
        {
            problems.Add(TenancyDiagnostics.DuplicateId(AccessDiagnostics.KeySubject(key.Id), key.Id));
        }

        if (prefixTaken)
        {
            problems.Add(AccessDiagnostics.InvalidApiKeyRequest("/prefix", "a prefix no other key uses", $"'{key.Prefix}', which is taken"));
        }

        return problems.ToImmutable();
    }

    /// <summary>Checks that a key exists in the organization and is not revoked (before a rotation or a revocation).</summary>
    /// <param name="existing">The key as stored, or null.</param>
    /// <param name="organizationId">The organization the caller named.</param>
    /// <param name="organization">Its slug, for messages.</param>
    /// <param name="keyId">The id the caller named.</param>
    /// <param name="revoking">Whether this is a revocation (an already revoked key is ACC5007 rather than ACC5002).</param>
    /// <returns>The problems; empty when the write may proceed.</returns>
    public static ImmutableArray<Diagnostic> CheckChangeApiKey(ApiKey? existing, Guid organizationId, string organization, Guid keyId, bool revoking)
    {
        if (existing is null || existing.OrganizationId != organizationId)
        {
            return [AccessDiagnostics.UnknownApiKey(organization, keyId.ToString("D"))];
        }

        if (existing.RevokedAt is { } at)
        {
            return [revoking ? AccessDiagnostics.ApiKeyAlreadyRevoked(keyId, at) : AccessDiagnostics.ApiKeyRevoked(keyId, at)];
        }

        return [];
    }

    /// <summary>Checks an invitation insert.</summary>
    /// <param name="invitation">The invitation.</param>
    /// <param name="organization">Its organization as stored, or null.</param>
    /// <param name="idExists">Whether the id is taken.</param>
    /// <param name="tokenTaken">Whether another invitation has the token hash.</param>
    /// <returns>The problems; empty when the insert may proceed.</returns>
    public static ImmutableArray<Diagnostic> CheckCreateInvitation(Invitation invitation, Organization? organization, bool idExists, bool tokenTaken)
    {
        ArgumentNullException.ThrowIfNull(invitation);
        if (organization is null || organization.Slug != invitation.OrganizationSlug)
        {
            return [TenancyDiagnostics.UnknownOrganization(invitation.OrganizationSlug)];
        }

        var problems = ImmutableArray.CreateBuilder<Diagnostic>();
        if (idExists)
        {
            problems.Add(TenancyDiagnostics.DuplicateId(AccessDiagnostics.InvitationSubject(invitation.Id), invitation.Id));
        }

        if (tokenTaken)
        {
            problems.Add(AccessDiagnostics.Invitation(AccessDiagnosticCodes.InvitationNotPending, "another invitation has the same token; issue a new one.", invitation.Id));
        }

        return problems.ToImmutable();
    }

    /// <summary>Checks that an invitation exists in the organization and is still pending (before a cancel or a resend).</summary>
    /// <param name="existing">The invitation as stored, or null.</param>
    /// <param name="organizationId">The organization the caller named.</param>
    /// <param name="organization">Its slug, for messages.</param>
    /// <param name="invitationId">The id the caller named.</param>
    /// <returns>The problems; empty when the write may proceed.</returns>
    public static ImmutableArray<Diagnostic> CheckChangeInvitation(Invitation? existing, Guid organizationId, string organization, Guid invitationId)
    {
        if (existing is null || existing.OrganizationId != organizationId)
        {
            return [AccessDiagnostics.Invitation(AccessDiagnosticCodes.UnknownInvitation, $"no invitation '{invitationId:D}' belongs to organization '{organization}'.", invitationId)];
        }

        return existing.Status == InvitationStatus.Pending
            ? []
            : [AccessDiagnostics.Invitation(AccessDiagnosticCodes.InvitationNotPending, $"the invitation was already {(existing.Status == InvitationStatus.Accepted ? "accepted" : "cancelled")}.", invitationId)];
    }

    /// <summary>
    /// Checks an acceptance, in this order: unknown token, cancelled, already accepted, expired, another email. Messages
    /// never name the organization or the invited email: whoever holds only a token learns nothing more from an error.
    /// </summary>
    /// <param name="invitation">The invitation the token hash found, or null.</param>
    /// <param name="email">The accepting user's email.</param>
    /// <param name="at">When.</param>
    /// <returns>The problems; empty when the acceptance may proceed.</returns>
    public static ImmutableArray<Diagnostic> CheckAccept(Invitation? invitation, string email, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(email);
        if (invitation is null)
        {
            return [AccessDiagnostics.Invitation(AccessDiagnosticCodes.UnknownInvitationToken, "no invitation has this token; ask for a new invitation.")];
        }

        return invitation.Status switch
        {
            InvitationStatus.Cancelled => [AccessDiagnostics.Invitation(AccessDiagnosticCodes.InvitationCancelled, "the invitation was cancelled.")],
            InvitationStatus.Accepted => [AccessDiagnostics.Invitation(AccessDiagnosticCodes.InvitationAlreadyUsed, "the invitation was already accepted; nothing changed.")],
            _ when at >= invitation.ExpiresAt => [AccessDiagnostics.Invitation(AccessDiagnosticCodes.InvitationExpired, $"the invitation expired at {AccessDiagnostics.Time(invitation.ExpiresAt)}; ask for it to be resent.")],
            _ when TenancyRules.NormalizeEmail(email) != TenancyRules.NormalizeEmail(invitation.Email) =>
                [AccessDiagnostics.Invitation(AccessDiagnosticCodes.InvitationWrongUser, "the invitation is for another email address; accept it as the invited user.")],
            _ => [],
        };
    }

    /// <summary>Throws <see cref="AccessException"/> for access problems, or the tenancy exception for tenancy ones.</summary>
    /// <param name="diagnostics">The problems.</param>
    /// <exception cref="AccessException">An access problem (ACC code).</exception>
    /// <exception cref="Validation.TenantValidationException">A tenancy problem (TEN code).</exception>
    public static void ThrowIfAny(ImmutableArray<Diagnostic> diagnostics)
    {
        if (diagnostics.IsDefaultOrEmpty)
        {
            return;
        }

        if (diagnostics[0].Code.StartsWith("ACC", StringComparison.Ordinal))
        {
            throw new AccessException(diagnostics);
        }

        throw new Validation.TenantValidationException(diagnostics);
    }
}
