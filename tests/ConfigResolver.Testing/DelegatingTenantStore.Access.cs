using System.Collections.Immutable;
using ConfigResolver.Access;
using ConfigResolver.Auditing;

namespace ConfigResolver.Testing;

public partial class DelegatingTenantStore
{
    public virtual ValueTask<ApiKey?> GetApiKeyAsync(Guid keyId, CancellationToken cancellationToken = default) => Inner.GetApiKeyAsync(keyId, cancellationToken);

    public virtual ValueTask<ApiKey?> FindApiKeyByPrefixAsync(string prefix, CancellationToken cancellationToken = default) => Inner.FindApiKeyByPrefixAsync(prefix, cancellationToken);

    public virtual ValueTask<ImmutableArray<ApiKey>> ListApiKeysAsync(Guid organizationId, CancellationToken cancellationToken = default) => Inner.ListApiKeysAsync(organizationId, cancellationToken);

    public virtual ValueTask<ImmutableArray<ApiKey>> ListApiKeysRevokedSinceAsync(DateTimeOffset since, CancellationToken cancellationToken = default) => Inner.ListApiKeysRevokedSinceAsync(since, cancellationToken);

    public virtual Task CreateApiKeyAsync(ApiKey key, CancellationToken cancellationToken = default) => Inner.CreateApiKeyAsync(key, cancellationToken);

    public virtual Task<ApiKey> RotateApiKeyAsync(ApiKeyRotation rotation, CancellationToken cancellationToken = default) => Inner.RotateApiKeyAsync(rotation, cancellationToken);

    public virtual Task<ApiKey> RevokeApiKeyAsync(Guid organizationId, Guid keyId, DateTimeOffset at, CancellationToken cancellationToken = default) => Inner.RevokeApiKeyAsync(organizationId, keyId, at, cancellationToken);

    public virtual Task RecordApiKeyUsageAsync(IReadOnlyCollection<ApiKeyUsage> usage, CancellationToken cancellationToken = default) => Inner.RecordApiKeyUsageAsync(usage, cancellationToken);

    public virtual ValueTask<Invitation?> GetInvitationAsync(Guid invitationId, CancellationToken cancellationToken = default) => Inner.GetInvitationAsync(invitationId, cancellationToken);

    public virtual ValueTask<Invitation?> FindInvitationByTokenHashAsync(string tokenHash, CancellationToken cancellationToken = default) => Inner.FindInvitationByTokenHashAsync(tokenHash, cancellationToken);

    public virtual ValueTask<ImmutableArray<Invitation>> ListInvitationsAsync(Guid organizationId, CancellationToken cancellationToken = default) => Inner.ListInvitationsAsync(organizationId, cancellationToken);

    public virtual Task CreateInvitationAsync(Invitation invitation, CancellationToken cancellationToken = default) => Inner.CreateInvitationAsync(invitation, cancellationToken);

    public virtual Task<Invitation> CancelInvitationAsync(Guid organizationId, Guid invitationId, DateTimeOffset at, CancellationToken cancellationToken = default) => Inner.CancelInvitationAsync(organizationId, invitationId, at, cancellationToken);

    public virtual Task<Invitation> ReissueInvitationAsync(Guid organizationId, Guid invitationId, string tokenHash, DateTimeOffset expiresAt, CancellationToken cancellationToken = default) =>
        Inner.ReissueInvitationAsync(organizationId, invitationId, tokenHash, expiresAt, cancellationToken);

    public virtual Task<JoinResult> AcceptInvitationAsync(InvitationAcceptance acceptance, CancellationToken cancellationToken = default) => Inner.AcceptInvitationAsync(acceptance, cancellationToken);

    public virtual Task<JoinResult> SignUpAsync(SignupJoin join, CancellationToken cancellationToken = default) => Inner.SignUpAsync(join, cancellationToken);

    public virtual ValueTask<AuditPage> QueryAuditAsync(AuditQuery query, CancellationToken cancellationToken = default) => Inner.QueryAuditAsync(query, cancellationToken);
}
