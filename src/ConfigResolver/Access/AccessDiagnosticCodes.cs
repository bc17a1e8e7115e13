namespace ConfigResolver.Access;

/// <summary>
/// The stable codes of access errors (API keys, access tokens, invitations, sign-up). Tools match on the code, never on
/// the message; docs/access.md explains each one.
/// </summary>
public static class AccessDiagnosticCodes
{
    /// <summary>The API key is not valid: malformed, unknown, or the secret does not match (one code, so nothing is revealed).</summary>
    public const string InvalidApiKey = "ACC5001";

    /// <summary>The API key was revoked.</summary>
    public const string ApiKeyRevoked = "ACC5002";

    /// <summary>The API key has expired.</summary>
    public const string ApiKeyExpired = "ACC5003";

    /// <summary>A key may only carry scopes its creator holds; the creator does not hold this one.</summary>
    public const string ScopeNotHeld = "ACC5004";

    /// <summary>A scope or pattern matches none of the policy's declared scopes.</summary>
    public const string UnknownScope = "ACC5005";

    /// <summary>No API key with this id belongs to the organization.</summary>
    public const string UnknownApiKey = "ACC5006";

    /// <summary>The API key was already revoked.</summary>
    public const string ApiKeyAlreadyRevoked = "ACC5007";

    /// <summary>An expiry or grace period is not acceptable (in the past, negative).</summary>
    public const string InvalidExpiry = "ACC5008";

    /// <summary>A key request is malformed: no scope, a blank or overlong name, a duplicate id or prefix.</summary>
    public const string InvalidApiKeyRequest = "ACC5009";

    /// <summary>The key may not act for that user (not a member, or the creator may not act for others).</summary>
    public const string ActAsUserNotAllowed = "ACC5010";

    /// <summary>The access token is malformed.</summary>
    public const string MalformedToken = "ACC5101";

    /// <summary>The access token's signature does not match its content (forged or edited).</summary>
    public const string InvalidTokenSignature = "ACC5102";

    /// <summary>The access token was signed with a key id this deployment does not have.</summary>
    public const string UnknownSigningKey = "ACC5103";

    /// <summary>The access token has expired.</summary>
    public const string TokenExpired = "ACC5104";

    /// <summary>The API key the access token was issued from was revoked.</summary>
    public const string TokenKeyRevoked = "ACC5105";

    /// <summary>A token lifetime is not between one second and the maximum (24 hours).</summary>
    public const string InvalidTokenLifetime = "ACC5106";

    /// <summary>A token may only carry scopes its API key has.</summary>
    public const string TokenScopeNotHeld = "ACC5107";

    /// <summary>No token signing key is configured.</summary>
    public const string TokenSigningNotConfigured = "ACC5108";

    /// <summary>No invitation has this token.</summary>
    public const string UnknownInvitationToken = "ACC5201";

    /// <summary>The invitation has expired.</summary>
    public const string InvitationExpired = "ACC5202";

    /// <summary>The invitation was cancelled.</summary>
    public const string InvitationCancelled = "ACC5203";

    /// <summary>The invitation was already accepted.</summary>
    public const string InvitationAlreadyUsed = "ACC5204";

    /// <summary>The invitation is for another email address.</summary>
    public const string InvitationWrongUser = "ACC5205";

    /// <summary>An inviter may not invite with a role higher than their own.</summary>
    public const string InvitationRoleTooHigh = "ACC5206";

    /// <summary>No invitation with this id belongs to the organization.</summary>
    public const string UnknownInvitation = "ACC5207";

    /// <summary>The invitation is no longer pending (accepted or cancelled), so it cannot be cancelled or resent.</summary>
    public const string InvitationNotPending = "ACC5208";

    /// <summary>The inviter may not invite into the organization (no membership, or no <c>users:write</c>).</summary>
    public const string InviterNotAllowed = "ACC5209";

    /// <summary>Sign-up was refused; deliberately one code and one message whatever the reason.</summary>
    public const string SignupRefused = "ACC5301";
}
