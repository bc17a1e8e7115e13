using ConfigResolver.Access;
using ConfigResolver.Tenancy;

namespace ConfigResolver.Auditing;

/// <summary>
/// The audit entries of access writes: API keys (secrets as fingerprints of their stored hashes), invitations (tokens
/// likewise), and joins by invitation or sign-up.
/// </summary>
public static class AccessAuditEvents
{
    /// <summary><c>apikey.create</c>.</summary>
    /// <param name="key">The key created.</param>
    /// <returns>The entry.</returns>
    public static AuditEntry ApiKeyCreated(ApiKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var diff = new AuditDiff()
            .Value("name", null, key.Name)
            .Value("prefix", null, key.Prefix)
            .Value("scopes", null, key.Scopes)
            .Value("expires_at", null, key.ExpiresAt)
            .Value("act_as_user_id", null, key.ActAsUserId)
            .Value("created_by", null, key.CreatedBy)
            .Value("secret", null, SecretFingerprint.OfHash(key.SecretHash));
        return Key(AuditActions.ApiKeyCreate, key, diff);
    }

    /// <summary><c>apikey.rotate</c>: the secret's fingerprint before and after, and how long the old one lasts.</summary>
    /// <param name="before">The key before.</param>
    /// <param name="after">The key after.</param>
    /// <returns>The entry.</returns>
    public static AuditEntry ApiKeyRotated(ApiKey before, ApiKey after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var diff = new AuditDiff()
            .Always("secret", SecretFingerprint.OfHash(before.SecretHash), SecretFingerprint.OfHash(after.SecretHash))
            .Value("previous_secret_valid_until", before.PreviousSecretValidUntil, after.PreviousSecretValidUntil);
        return Key(AuditActions.ApiKeyRotate, after, diff);
    }

    /// <summary><c>apikey.revoke</c>.</summary>
    /// <param name="key">The key as revoked.</param>
    /// <returns>The entry.</returns>
    public static AuditEntry ApiKeyRevoked(ApiKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Key(AuditActions.ApiKeyRevoke, key, new AuditDiff().Always("revoked_at", null, key.RevokedAt));
    }

    /// <summary><c>invitation.create</c>.</summary>
    /// <param name="invitation">The invitation.</param>
    /// <returns>The entry.</returns>
    public static AuditEntry InvitationCreated(Invitation invitation)
    {
        ArgumentNullException.ThrowIfNull(invitation);
        var diff = new AuditDiff()
            .Value("email", null, invitation.Email)
            .Value("role", null, TenancyNames.ToName(invitation.Role))
            .Value("expires_at", null, invitation.ExpiresAt)
            .Value("message", null, invitation.Message)
            .Value("token", null, SecretFingerprint.OfHash(invitation.TokenHash));
        return Invitation(AuditActions.InvitationCreate, invitation, diff);
    }

    /// <summary><c>invitation.resend</c>: the token's fingerprint and the expiry, before and after.</summary>
    /// <param name="before">The invitation before.</param>
    /// <param name="after">The invitation after.</param>
    /// <returns>The entry.</returns>
    public static AuditEntry InvitationReissued(Invitation before, Invitation after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var diff = new AuditDiff()
            .Always("token", SecretFingerprint.OfHash(before.TokenHash), SecretFingerprint.OfHash(after.TokenHash))
            .Always("expires_at", before.ExpiresAt, after.ExpiresAt);
        return Invitation(AuditActions.InvitationResend, after, diff);
    }

    /// <summary><c>invitation.cancel</c>.</summary>
    /// <param name="invitation">The invitation as cancelled.</param>
    /// <returns>The entry.</returns>
    public static AuditEntry InvitationCancelled(Invitation invitation)
    {
        ArgumentNullException.ThrowIfNull(invitation);
        return Invitation(AuditActions.InvitationCancel, invitation, new AuditDiff().Always("status", "pending", "cancelled"));
    }

    /// <summary><c>invitation.accept</c>: the invitation's status, the user, and their role before and after.</summary>
    /// <param name="invitation">The invitation as accepted.</param>
    /// <param name="result">What the join did.</param>
    /// <returns>The entry.</returns>
    public static AuditEntry InvitationAccepted(Invitation invitation, JoinResult result)
    {
        ArgumentNullException.ThrowIfNull(invitation);
        ArgumentNullException.ThrowIfNull(result);
        var diff = new AuditDiff()
            .Always("status", "pending", "accepted")
            .Always("user", null, result.User.Email)
            .Value("user_created", false, result.UserCreated)
            .Always("role", result.PreviousRole is { } p ? TenancyNames.ToName(p) : null, TenancyNames.ToName(result.Role));
        return Invitation(AuditActions.InvitationAccept, invitation, diff);
    }

    /// <summary><c>signup</c>: the user, how the key matched, and their role before and after.</summary>
    /// <param name="result">What the join did.</param>
    /// <param name="via">How the key matched: <c>organization_key</c> or <c>deployment_key</c>.</param>
    /// <returns>The entry.</returns>
    public static AuditEntry SignedUp(JoinResult result, string via)
    {
        ArgumentNullException.ThrowIfNull(result);
        var diff = new AuditDiff()
            .Always("via", null, via)
            .Value("user_created", false, result.UserCreated)
            .Always("role", result.PreviousRole is { } p ? TenancyNames.ToName(p) : null, TenancyNames.ToName(result.Role));
        return AuditEvents.Entry(AuditActions.Signup, result.Organization, result.User.Email, diff);
    }

    private static AuditEntry Key(string action, ApiKey key, AuditDiff diff) =>
        new(action, key.OrganizationId, key.OrganizationSlug, key.Id.ToString("D"), diff.ToJson());

    private static AuditEntry Invitation(string action, Invitation invitation, AuditDiff diff) =>
        new(action, invitation.OrganizationId, invitation.OrganizationSlug, invitation.Id.ToString("D"), diff.ToJson());
}
