using ConfigResolver.Configuration;

namespace ConfigResolver.Access;

/// <summary>An invitation just created or resent, with its token: the only moment the token exists outside the invitee's hands.</summary>
/// <param name="Invitation">The stored invitation (only the hash of its token).</param>
/// <param name="Token">The token (<c>cfgr_inv_...</c>); redacted until revealed.</param>
public sealed record IssuedInvitation(Invitation Invitation, Secret Token);
