using System.Security.Cryptography;
using System.Text;
using ConfigResolver.Access;
using ConfigResolver.Tenancy;

namespace ConfigResolver.Testing;

/// <summary>Builds API keys and invitations for store tests directly (bypassing the access services).</summary>
public static class AccessFactory
{
    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public static ApiKey Key(Organization organization, string prefix, TimeProvider time, params string[] scopes) => new()
    {
        Id = Guid.NewGuid(),
        OrganizationId = organization.Id,
        OrganizationSlug = organization.Slug,
        Name = "key " + prefix,
        Prefix = prefix,
        SecretHash = Hash("secret-of-" + prefix),
        Scopes = scopes.Length == 0 ? ["agents:read"] : [.. scopes],
        CreatedBy = "user:ann@example.com",
        CreatedAt = time.GetUtcNow(),
    };

    public static Invitation Invitation(Organization organization, string email, MembershipRole role, string token, TimeProvider time) => new()
    {
        Id = Guid.NewGuid(),
        OrganizationId = organization.Id,
        OrganizationSlug = organization.Slug,
        Email = email,
        Role = role,
        TokenHash = Hash(token),
        Message = "welcome",
        InvitedBy = "cli",
        CreatedAt = time.GetUtcNow(),
        ExpiresAt = time.GetUtcNow().AddDays(7),
    };

    public static InvitationAcceptance Acceptance(string token, string email, TimeProvider time) =>
        new(Hash(token), email, time.GetUtcNow(), Guid.NewGuid()) { Name = "Accepted " + email };
}
