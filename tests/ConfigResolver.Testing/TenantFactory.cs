using ConfigResolver.Configuration;
using ConfigResolver.Tenancy;

namespace ConfigResolver.Testing;

/// <summary>Builds entities for store tests directly (bypassing the administration service).</summary>
public static class TenantFactory
{
    public static Organization Organization(string slug, TimeProvider time, string? configJson = null, OrganizationStatus status = OrganizationStatus.Active)
    {
        var now = time.GetUtcNow();
        return new Organization
        {
            Id = Guid.NewGuid(),
            Slug = slug,
            Name = "Org " + slug,
            Status = status,
            Config = configJson is null ? OrgConfigDocument.Empty : OrgConfigDocument.Parse(configJson),
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    public static User User(string email, TimeProvider time)
    {
        var now = time.GetUtcNow();
        return new User { Id = Guid.NewGuid(), Email = email, Name = "User " + email, CreatedAt = now, UpdatedAt = now };
    }

    public static string ConfigWithSignupKey(string key) =>
        $$$"""{"version":1,"features":{"signup_enabled":true,"signup_key":"{{{key}}}"}}""";
}
