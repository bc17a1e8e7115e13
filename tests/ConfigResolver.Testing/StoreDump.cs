using System.Globalization;
using System.Text;
using ConfigResolver.Auditing;
using ConfigResolver.Storage;

namespace ConfigResolver.Testing;

/// <summary>
/// Renders everything a store holds as text (organizations, members, API keys, invitations, users, the newest audit
/// events), so a test can assert that a rejected write changed nothing, whatever store (and whatever object identity) is
/// behind the interfaces.
/// </summary>
public static class StoreDump
{
    public static async Task<string> CaptureAsync(ITenantStore store)
    {
        var builder = new StringBuilder();
        foreach (var organization in await store.ListOrganizationsAsync())
        {
            builder.Append(CultureInfo.InvariantCulture, $"org {organization.Id} {organization.Slug} '{organization.Name}' system={organization.IsSystem} {organization.Status} {organization.Plan} ")
                .Append(CultureInfo.InvariantCulture, $"{organization.CreatedAt:O} {organization.UpdatedAt:O} {organization.Config.RevealJson()} ")
                .AppendJoin(',', organization.Metadata.Select(m => m.Key + "=" + m.Value))
                .AppendLine();
            builder.Append("  commerce ").Append(Commerce.CommerceJson.Serialize(await store.GetCommerceAsync(organization.Id))).AppendLine();
            foreach (var membership in await store.ListMembershipsOfOrganizationAsync(organization.Id))
            {
                builder.Append(CultureInfo.InvariantCulture, $"  member {membership.UserId} {membership.Role}").AppendLine();
            }

            foreach (var key in await store.ListApiKeysAsync(organization.Id))
            {
                builder.Append(CultureInfo.InvariantCulture, $"  key {key.Id} {key.Prefix} '{key.Name}' {key.SecretHash} {key.PreviousSecretHash} {key.PreviousSecretValidUntil:O} ")
                    .Append(CultureInfo.InvariantCulture, $"[{string.Join(',', key.Scopes)}] act={key.ActAsUserId} {key.CreatedAt:O} exp={key.ExpiresAt:O} rot={key.RotatedAt:O} rev={key.RevokedAt:O}")
                    .AppendLine();
            }

            foreach (var invitation in await store.ListInvitationsAsync(organization.Id))
            {
                builder.Append(CultureInfo.InvariantCulture, $"  invitation {invitation.Id} {invitation.Email} {invitation.Role} {invitation.TokenHash} {invitation.Status} ")
                    .Append(CultureInfo.InvariantCulture, $"{invitation.ExpiresAt:O} closed={invitation.ClosedAt:O} user={invitation.AcceptedUserId}")
                    .AppendLine();
            }
        }

        foreach (var user in await store.ListUsersAsync())
        {
            builder.Append(CultureInfo.InvariantCulture, $"user {user.Id} {user.Email} '{user.Name}' default={user.DefaultOrganizationId} {user.CreatedAt:O} {user.UpdatedAt:O}").AppendLine();
        }

        foreach (var audit in (await store.QueryAuditAsync(new AuditQuery { Limit = AuditQuery.MaxLimit })).Events)
        {
            builder.Append(CultureInfo.InvariantCulture, $"audit {audit.Id} {audit.Time:O} {audit.Actor} {audit.Action} {audit.Organization} {audit.Target} {audit.Changes}").AppendLine();
        }

        return builder.ToString();
    }
}
