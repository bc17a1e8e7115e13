using System.Globalization;
using System.Text;
using ConfigResolver.Storage;

namespace ConfigResolver.Testing;

/// <summary>
/// Renders everything a store holds as text, so a test can assert that a rejected write changed nothing,
/// whatever store (and whatever object identity) is behind the interfaces.
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
            foreach (var membership in await store.ListMembershipsOfOrganizationAsync(organization.Id))
            {
                builder.Append(CultureInfo.InvariantCulture, $"  member {membership.UserId} {membership.Role}").AppendLine();
            }
        }

        foreach (var user in await store.ListUsersAsync())
        {
            builder.Append(CultureInfo.InvariantCulture, $"user {user.Id} {user.Email} '{user.Name}' default={user.DefaultOrganizationId} {user.CreatedAt:O} {user.UpdatedAt:O}").AppendLine();
        }

        return builder.ToString();
    }
}
